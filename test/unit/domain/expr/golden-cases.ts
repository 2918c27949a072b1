/**
 * The golden table of the expression language: every documented example of the 28 core functions
 * (Entra "Reference for writing expressions for attribute mappings", ms.date 08/06/2024) and the
 * edge cases Headcount decided where the doc is silent (README.md, "Decisions"). Shared by the
 * golden test and the round-trip test.
 */

export interface ExpectedDiagnostic {
  readonly code: string
  readonly offset?: number
  readonly length?: number
  readonly hint?: string
  readonly severity?: 'error' | 'warning'
}

export interface GoldenCase {
  /** What the row shows (the doc's heading when it is a documented example). */
  readonly name: string
  readonly expression: string
  /** Graph properties of the user. */
  readonly user?: Readonly<Record<string, unknown>>
  /** The expected value (when evaluation succeeds). */
  readonly value?: unknown
  readonly isIgnored?: boolean
  /** Expected diagnostics, compared by the fields given, in order. */
  readonly diagnostics?: readonly ExpectedDiagnostic[]
  readonly knownAttributes?: readonly string[]
  /** Values already taken in the target (SelectUniqueValue). */
  readonly taken?: readonly string[]
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  // ── Syntax overview ──────────────────────────────────────────────────────────────────────────
  { name: 'doc: escaped quotes in a string constant', expression: '"Company name: \\"Contoso\\""', value: 'Company name: "Contoso"' },
  { name: 'escaped backslash', expression: 'Append("C:\\\\", "temp")', value: 'C:\\temp' },
  { name: 'a bare attribute is an expression', expression: '[mail]', user: { mail: 'a@contoso.com' }, value: 'a@contoso.com' },
  { name: 'Entra attribute names resolve over Graph properties', expression: 'Append([mobile], [telephoneNumber])', user: { mobilePhone: '+1', businessPhones: ['+2'] }, value: '+1+2' },
  { name: 'nested functions over several lines', expression: 'Switch([Active], ,\n  "1", IIF([x] > 5, "False", "True"),\n  "0", "False")', user: { Active: '1', x: 7 }, value: 'False' },

  // ── Append ───────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Append constant suffix to user name', expression: 'Append([userPrincipalName], ".test")', user: { userPrincipalName: 'John.Doe@contoso.com' }, value: 'John.Doe@contoso.com.test' },
  { name: 'Append to an absent source gives the suffix', expression: 'Append([userPrincipalName], ".test")', value: '.test' },

  // ── AppRoleAssignmentsComplex / SingleAppRoleAssignment ─────────────────────────────────────────
  { name: 'AppRoleAssignmentsComplex gives every role', expression: 'AppRoleAssignmentsComplex([appRoleAssignments])', user: { appRoleAssignments: ['Admin', 'User', 'Admin'] }, value: ['Admin', 'User'] },
  { name: 'AppRoleAssignmentsComplex without roles is null', expression: 'AppRoleAssignmentsComplex([appRoleAssignments])', value: null },
  { name: 'SingleAppRoleAssignment gives one role name', expression: 'SingleAppRoleAssignment([appRoleAssignments])', user: { appRoleAssignments: ['Approver'] }, value: 'Approver' },
  { name: 'SingleAppRoleAssignment with several roles gives the first', expression: 'SingleAppRoleAssignment([appRoleAssignments])', user: { appRoleAssignments: ['Approver', 'User'] }, value: 'Approver' },

  // ── BitAnd ───────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: BitAnd(&HF, &HF7) is 7', expression: 'BitAnd(&HF, &HF7)', value: 7 },
  { name: 'BitAnd reads numbers from text', expression: 'BitAnd([userAccountControl], 2)', user: { userAccountControl: '514' }, value: 2 },
  { name: 'BitAnd of text that is no number', expression: 'BitAnd("x", 1)', diagnostics: [{ code: 'invalidNumber', offset: 0, length: 14 }] },

  // ── CBool ────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: CBool([attribute1] = [attribute2]) with equal values', expression: 'CBool([attribute1] = [attribute2])', user: { attribute1: 'a', attribute2: 'a' }, value: 'True' },
  { name: 'doc: CBool([attribute1] = [attribute2]) with different values', expression: 'CBool([attribute1] = [attribute2])', user: { attribute1: 'a', attribute2: 'b' }, value: 'False' },
  { name: 'CBool: a non-zero number is True', expression: 'CBool(-2)', value: 'True' },
  { name: 'CBool: zero is False', expression: 'CBool("0")', value: 'False' },
  { name: 'CBool of text that is not a boolean', expression: 'CBool("maybe")', diagnostics: [{ code: 'invalidBoolean' }] },

  // ── Coalesce ─────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Flow mail value if not NULL, otherwise userPrincipalName', expression: 'Coalesce([mail],[userPrincipalName])', user: { userPrincipalName: 'John.Doe@contoso.com' }, value: 'John.Doe@contoso.com' },
  { name: 'Coalesce: the default value when every source is null', expression: 'Coalesce([mail], [otherMails], "none")', value: 'none' },
  { name: 'Coalesce: an empty string is a value', expression: 'Coalesce([mail], "x")', user: { mail: '' }, value: '' },
  { name: 'Coalesce: all null and no default', expression: 'Coalesce([mail], [upn])', value: null },

  // ── Count ────────────────────────────────────────────────────────────────────────────────────
  { name: 'Count of a multi-valued attribute', expression: 'Count([proxyAddresses])', user: { proxyAddresses: ['a', 'b', 'c'] }, value: 3 },
  { name: 'Count of an absent attribute is 0', expression: 'Count([proxyAddresses])', value: 0 },
  { name: 'Count of a single value is 1', expression: 'Count([mail])', user: { mail: 'a' }, value: 1 },

  // ── CStr ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: CStr([dn])', expression: 'CStr([dn])', user: { dn: 'cn=Joe,dc=contoso,dc=com' }, value: 'cn=Joe,dc=contoso,dc=com' },
  { name: 'CStr of a number', expression: 'CStr(42)', value: '42' },
  { name: 'CStr of a boolean attribute', expression: 'CStr([accountEnabled])', user: { accountEnabled: true }, value: 'True' },
  { name: 'CStr of null stays null', expression: 'CStr([dn])', value: null },

  // ── IgnoreFlowIfNullOrEmpty ──────────────────────────────────────────────────────────────────
  { name: "doc: Don't flow an attribute if it's null", expression: 'IgnoreFlowIfNullOrEmpty([department])', isIgnored: true, value: null },
  { name: 'IgnoreFlowIfNullOrEmpty of an empty string', expression: 'IgnoreFlowIfNullOrEmpty([department])', user: { department: '' }, isIgnored: true, value: null },
  { name: 'IgnoreFlowIfNullOrEmpty lets a value through', expression: 'IgnoreFlowIfNullOrEmpty([department])', user: { department: 'Sales' }, value: 'Sales' },
  { name: 'doc: IgnoreFlowIfNullOrEmpty(Switch(…)) with a matching prefix', expression: 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))', user: { prefix: '3444' }, value: 'Prof.' },
  { name: 'doc: IgnoreFlowIfNullOrEmpty(Switch(…)) without a match drops the attribute', expression: 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))', user: { prefix: '9' }, isIgnored: true, value: null },
  { name: 'IgnoreFlow passes outward through enclosing calls', expression: 'ToUpper(IgnoreFlowIfNullOrEmpty([department]))', isIgnored: true, value: null },

  // ── IIF ──────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: IIF([country]="USA",[country],[department]) for the USA', expression: 'IIF([country]="USA",[country],[department])', user: { country: 'USA', department: 'Sales' }, value: 'USA' },
  { name: 'doc: IIF([country]="USA",[country],[department]) elsewhere', expression: 'IIF([country]="USA",[country],[department])', user: { country: 'NO', department: 'Sales' }, value: 'Sales' },
  { name: 'doc: AND by nesting on the true path', expression: 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")', user: { country: 'USA', state: 'CA' }, value: 'True' },
  { name: 'doc: AND by nesting, second condition false', expression: 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")', user: { country: 'USA', state: 'WA' }, value: 'False' },
  { name: 'doc: OR by nesting on the false path', expression: 'IIF([country]="USA","True",IIF([state]="CA","True","False"))', user: { country: 'NO', state: 'CA' }, value: 'True' },
  {
    name: 'doc (unsupported): IIF([country]="","Other",[country]) — the condition fails on an empty source',
    expression: 'IIF([country]="","Other",[country])',
    user: { country: '' },
    value: '',
    diagnostics: [{ code: 'nullCheckInCondition', severity: 'warning', offset: 4, length: 12 }],
  },
  {
    name: 'doc (unsupported): IIF(IsNullOrEmpty([country]),"Other",[country]) — fails on a null source',
    expression: 'IIF(IsNullOrEmpty([country]),"Other",[country])',
    value: null,
    diagnostics: [{ code: 'nullCheckInCondition', severity: 'warning', hint: 'Use Switch instead, for example Switch([country], [country], "", "Other").' }],
  },
  { name: 'doc (unsupported): IIF(IsPresent([country]),[country],"Other")', expression: 'IIF(IsPresent([country]),[country],"Other")', value: 'Other', diagnostics: [{ code: 'nullCheckInCondition', severity: 'warning' }] },
  { name: 'IIF: <> also fails on a null source', expression: 'IIF([country]<>"USA","abroad","home")', value: 'home' },
  { name: 'IIF compares numbers as numbers', expression: 'IIF([level] > 9, "senior", "junior")', user: { level: '10' }, value: 'senior' },
  { name: 'IIF with >= and <=', expression: 'IIF(Count([proxyAddresses]) >= 2, IIF(Count([proxyAddresses]) <= 2, "two", "more"), "fewer")', user: { proxyAddresses: ['a', 'b'] }, value: 'two' },
  { name: 'IIF compares text case-sensitively', expression: 'IIF([country]="usa","yes","no")', user: { country: 'USA' }, value: 'no' },
  { name: 'IIF text ordering is ordinal', expression: 'IIF([surname] < "M","A–L","M–Z")', user: { surname: 'Doe' }, value: 'A–L' },
  { name: 'IIF with a condition that is not a boolean', expression: 'IIF([country], "a", "b")', user: { country: 'USA' }, diagnostics: [{ code: 'invalidBoolean' }] },

  // ── InStr ────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: InStr("The quick brown fox","quick") is 5', expression: 'InStr("The quick brown fox","quick")', value: 5 },
  { name: 'doc: InStr("repEated","e",3,vbBinaryCompare) is 7', expression: 'InStr("repEated","e",3,vbBinaryCompare)', value: 7 },
  { name: 'InStr with vbTextCompare ignores case', expression: 'InStr("repEated","e",3,vbTextCompare)', value: 4 },
  { name: 'InStr: not found is 0', expression: 'InStr("abc","z")', value: 0 },
  { name: 'InStr: a null string gives null', expression: 'InStr([mail],"@")', value: null },
  { name: 'InStr: start 0 is refused (1-based)', expression: 'InStr("abc","a",0)', diagnostics: [{ code: 'invalidArgument', offset: 0, length: 18 }] },

  // ── IsNull / IsNullOrEmpty / IsPresent / IsString ─────────────────────────────────────────────
  { name: 'doc: IsNull([displayName]) when absent', expression: 'IsNull([displayName])', value: 'True' },
  { name: 'IsNull of an empty string is False', expression: 'IsNull([displayName])', user: { displayName: '' }, value: 'False' },
  { name: 'doc: IsNullOrEmpty([displayName]) of an empty string', expression: 'IsNullOrEmpty([displayName])', user: { displayName: '' }, value: 'True' },
  { name: 'IsNullOrEmpty of a value', expression: 'IsNullOrEmpty([displayName])', user: { displayName: 'Ann' }, value: 'False' },
  { name: 'IsPresent of a value', expression: 'IsPresent([displayName])', user: { displayName: 'Ann' }, value: 'True' },
  { name: 'IsPresent of an empty string', expression: 'IsPresent([displayName])', user: { displayName: '' }, value: 'False' },
  {
    // The doc's IsPresent example read literally with Switch's documented semantics: the source is
    // IsPresent([directManager]) ("True"), and the first key equal to it wins.
    name: 'doc: Switch(IsPresent([directManager]), …) read literally',
    expression: 'Switch(IsPresent([directManager]),[directManager], IsPresent([skiplevelManager]),[skiplevelManager], IsPresent([director]),[director])',
    user: { directManager: 'm1', director: 'd1' },
    value: 'd1',
  },
  { name: 'IsString of text', expression: 'IsString("abc")', value: 'True' },
  { name: 'IsString of a number', expression: 'IsString(3)', value: 'False' },
  { name: 'IsString of null', expression: 'IsString([mail])', value: 'False' },

  // ── Item ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Item([proxyAddresses], 1) is the first item', expression: 'Item([proxyAddresses], 1)', user: { proxyAddresses: ['SMTP:a@x', 'smtp:b@x'] }, value: 'SMTP:a@x' },
  { name: 'Item: index 0 gives null', expression: 'Item([proxyAddresses], 0)', user: { proxyAddresses: ['a'] }, value: null },
  { name: 'Item: past the end gives null', expression: 'Item([proxyAddresses], 3)', user: { proxyAddresses: ['a'] }, value: null },
  { name: 'Item of a single value', expression: 'Item([mail], 1)', user: { mail: 'a' }, value: 'a' },

  // ── Join ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Add a comma between last name and first name', expression: 'Join(", ", "", [surname], [givenName])', user: { givenName: 'John', surname: 'Doe' }, value: 'Doe, John' },
  { name: 'Join expands multi-valued sources', expression: 'Join(";", [proxyAddresses], "x")', user: { proxyAddresses: ['a', 'b'] }, value: 'a;b;x' },
  { name: 'Join skips null sources', expression: 'Join(" ", [givenName], [middleName], [surname])', user: { givenName: 'John', surname: 'Doe' }, value: 'John Doe' },
  { name: 'Join writes numbers as digits', expression: 'Join("", 1000, "7")', value: '10007' },

  // ── Left ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Left("John Doe", 3)', expression: 'Left("John Doe", 3)', value: 'Joh' },
  { name: 'doc: Left with numChars 0 is empty', expression: 'Left("John", 0)', value: '' },
  { name: 'doc: Left with numChars < 0 is the input', expression: 'Left("John", -1)', value: 'John' },
  { name: 'doc: Left of a null string is empty', expression: 'Left([nickname], 2)', value: '' },
  { name: 'doc: Left longer than the string is the string', expression: 'Left("Jo", 5)', value: 'Jo' },

  // ── Mid ──────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Generate user alias from parts of first and last name', expression: 'Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))', user: { givenName: 'John', surname: 'Doe' }, value: 'JohDoe' },
  { name: 'doc: Mid with a length past the end stops at the end', expression: 'Mid("abc", 2, 10)', value: 'bc' },
  { name: 'Mid from past the end is empty', expression: 'Mid("abc", 5, 1)', value: '' },
  { name: 'Mid: start 0 is refused (1-based)', expression: 'Mid("abc", 0, 1)', diagnostics: [{ code: 'invalidArgument' }] },

  // ── Not ──────────────────────────────────────────────────────────────────────────────────────
  { name: 'Not("True")', expression: 'Not("True")', value: 'False' },
  { name: 'Not("False")', expression: 'Not("False")', value: 'True' },
  { name: 'Not of anything else is True', expression: 'Not([flag])', value: 'True' },
  { name: 'Not of a boolean attribute', expression: 'Not([accountEnabled])', user: { accountEnabled: true }, value: 'False' },
  { name: 'Not of a function result', expression: 'Not(IsNull([mail]))', user: { mail: 'a' }, value: 'True' },

  // ── RemoveDuplicates ─────────────────────────────────────────────────────────────────────────
  { name: 'doc: RemoveDuplicates([proxyAddresses])', expression: 'RemoveDuplicates([proxyAddresses])', user: { proxyAddresses: ['a', 'B', 'a', 'b'] }, value: ['a', 'B', 'b'] },

  // ── SelectUniqueValue ────────────────────────────────────────────────────────────────────────
  ...selectUniqueValueCases(),

  // ── Split / StripSpaces ──────────────────────────────────────────────────────────────────────
  { name: 'doc: Split a string into a multi-valued array', expression: 'Split([extensionAttribute5], ",")', user: { onPremisesExtensionAttributes: { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' } }, value: ['PermissionSetOne', 'PermissionSetTwo'] },
  { name: 'Split of null is null', expression: 'Split([x], ",")', value: null },
  { name: 'StripSpaces removes spaces only', expression: 'StripSpaces("J ohn  Smith\tX")', value: 'JohnSmith\tX' },

  // ── Switch ───────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Replace a value based on predefined set of options', expression: 'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")', user: { state: 'QLD' }, value: 'Australia/Brisbane' },
  { name: 'Switch is case-sensitive', expression: 'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")', user: { state: 'qld' }, value: 'Australia/Sydney' },
  { name: 'doc: Switch(ToLower([statusFlag]), …) for a case-insensitive match', expression: 'Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")', user: { statusFlag: 'TRUE' }, value: '1' },
  { name: 'doc: Switch with "" as a key catches an empty source', expression: 'Switch([statusFlag], "Default Value", "true", "1", "", "0")', user: { statusFlag: '' }, value: '0' },
  { name: 'doc: Switch([country],[country],"","Other") for a null country', expression: 'Switch([country],[country],"","Other")', value: 'Other' },
  { name: 'doc: Switch([country],[country],"","Other") for a country', expression: 'Switch([country],[country],"","Other")', user: { country: 'NO' }, value: 'NO' },
  { name: 'doc: the IIF rewrite of a Switch', expression: 'IIF([companyName] = "Company A", "A", IIF([companyName] = "Company B", "B", "External"))', user: { companyName: 'Company B' }, value: 'B' },
  { name: 'Switch with an empty default gives null', expression: 'Switch([Active], , "1", "yes", "0", "no")', user: { Active: '2' }, value: null },

  // ── ToLower / ToUpper ────────────────────────────────────────────────────────────────────────
  { name: 'ToLower, invariant by default', expression: 'ToLower([userPrincipalName])', user: { userPrincipalName: 'John.Smith@Contoso.COM' }, value: 'john.smith@contoso.com' },
  { name: 'ToUpper, invariant by default', expression: 'ToUpper("istanbul")', value: 'ISTANBUL' },
  { name: 'ToUpper with tr-TR gives a dotted capital I', expression: 'ToUpper("istanbul", "tr-TR")', value: 'İSTANBUL' },
  { name: 'ToLower with tr-TR gives a dotless i', expression: 'ToLower("ISTANBUL", "tr-TR")', value: 'ıstanbul' },
  { name: 'ToLower with a culture that does not exist', expression: 'ToLower("A", "not a culture!")', diagnostics: [{ code: 'invalidCulture' }] },

  // ── Word ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'doc: Word("The quick brown fox",3," ")', expression: 'Word("The quick brown fox",3," ")', value: 'brown' },
  { name: 'doc: Word with several delimiters', expression: 'Word("This,string!has&many separators",3,",!&#")', value: 'has' },
  { name: 'doc: Word with number < 1 is empty', expression: 'Word("a b", 0, " ")', value: '' },
  { name: 'doc: Word past the last word is empty', expression: 'Word("a b", 3, " ")', value: '' },
  { name: 'doc: Word of null is empty', expression: 'Word([x], 1, " ")', value: '' },

  // ── Documented examples combining core and text-and-date functions ─────────────────────────────
  { name: 'doc: Convert generated UPN value to lower case', expression: 'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"))', user: { PreferredFirstName: 'John', PreferredLastName: 'Smith' }, value: 'john.smith@contoso.com' },
  { name: 'doc: SelectUniqueValue with NormalizeDiacritics, first value taken', expression: 'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"))', user: { PreferredFirstName: 'Zoë', PreferredLastName: 'Smith' }, taken: ['Zoe.Smith@contoso.com'], value: 'Z.Smith@contoso.com' },
  { name: 'doc: Switch + IIF + DateDiff, hire date more than 5 days ahead', expression: 'Switch([Active], ,\n  "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"),\n  "0", "False")', user: { Active: '1', StatusHireDate: '2024-08-20-07:00' }, value: 'False' },
  { name: 'doc: Switch + IIF + DateDiff, hire date within 5 days', expression: 'Switch([Active], ,\n  "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"),\n  "0", "False")', user: { Active: '1', StatusHireDate: '2024-08-08-07:00' }, value: 'True' },
  { name: 'doc: Strip known domain name', expression: 'Replace([mail], "@contoso.com", , ,"", ,)', user: { mail: 'john.doe@contoso.com' }, value: 'john.doe' },

  // ── Diagnostics: where and what ──────────────────────────────────────────────────────────────
  { name: 'unknown function differing only in case', expression: 'tolower([mail])', diagnostics: [{ code: 'unknownFunction', offset: 0, length: 7, hint: 'Did you mean ToLower?' }] },
  { name: 'unknown function with a typo', expression: 'Join(",", Lef([mail], 1))', diagnostics: [{ code: 'unknownFunction', offset: 10, length: 3, hint: 'Did you mean Left?' }] },
  { name: 'two unknown functions are both reported', expression: 'Foo([a], Barr(1))', diagnostics: [{ code: 'unknownFunction', offset: 0, length: 3 }, { code: 'unknownFunction', offset: 9, length: 4 }] },
  { name: 'wrong number of arguments shows the signature', expression: 'Left([mail])', diagnostics: [{ code: 'wrongArgumentCount', offset: 0, length: 12, hint: 'Signature: Left(String, NumChars)' }] },
  { name: 'Switch needs keys and values in pairs', expression: 'Switch([x], "d", "a", "1", "b")', diagnostics: [{ code: 'wrongArgumentCount', offset: 0, length: 31 }] },
  { name: 'unknown attribute with a suggestion', expression: 'Join(",", [mial])', knownAttributes: ['mail', 'surname'], diagnostics: [{ code: 'unknownAttribute', offset: 10, length: 6, hint: 'Did you mean [mail]?' }] },
  { name: 'unknown bare name', expression: 'InStr("a", "b", 1, vbTextCompar)', diagnostics: [{ code: 'unknownName', offset: 19, length: 12, hint: 'Did you mean vbTextCompare?' }] },
  { name: 'unterminated string', expression: 'Left("abc, 1)', diagnostics: [{ code: 'missingCloseParen', offset: 4, length: 1 }, { code: 'unterminatedString', offset: 5, length: 8 }] },
  { name: 'unterminated attribute', expression: 'Left([mail, 1)', diagnostics: [{ code: 'missingCloseParen', offset: 4, length: 1 }, { code: 'unterminatedAttribute', offset: 5, length: 9 }] },
  { name: 'invalid hex literal', expression: 'BitAnd(&HZZ, 1)', diagnostics: [{ code: 'invalidHexLiteral', offset: 7, length: 4 }] },
  { name: 'a missing comma', expression: 'Left([mail] 3)', diagnostics: [{ code: 'unexpectedToken', offset: 12, length: 1 }] },
  { name: 'a missing close parenthesis', expression: 'Left([mail], 3', diagnostics: [{ code: 'missingCloseParen', offset: 4, length: 1 }] },
  { name: 'one ) too many', expression: 'Left([mail], 3))', diagnostics: [{ code: 'unexpectedToken', offset: 15, length: 1, hint: 'There is one “)” too many.' }] },
  { name: 'SelectUniqueValue must be top-level', expression: 'Join("x", SelectUniqueValue("a", "b"))', diagnostics: [{ code: 'notTopLevel', offset: 10, length: 17 }] },
  { name: 'a comparison outside a condition', expression: 'Join(",", [a] = "x")', diagnostics: [{ code: 'comparisonOutsideCondition', offset: 10, length: 9 }] },
  { name: 'an empty expression', expression: '   ', diagnostics: [{ code: 'emptyExpression', offset: 0, length: 0 }] },
  { name: 'the 10,000-character limit', expression: `Append("${'x'.repeat(10_000)}", "y")`, diagnostics: [{ code: 'expressionTooLong', offset: 10_000, length: 15 }] },
  { name: 'an unknown escape is kept, with a warning', expression: '"a\\d"', value: 'a\\d', diagnostics: [{ code: 'unknownEscape', severity: 'warning', offset: 2, length: 2 }] },
]

function selectUniqueValueCases(): GoldenCase[] {
  // The doc's example without NormalizeDiacritics (another helper's function), same rules otherwise.
  const expression = [
    'SelectUniqueValue(',
    '  Join("@", StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName])), "contoso.com"),',
    '  Join("@", StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 1), [PreferredLastName])), "contoso.com"),',
    '  Join("@", StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 2), [PreferredLastName])), "contoso.com")',
    ')',
  ].join('\n')
  const user = { PreferredFirstName: 'John', PreferredLastName: 'Smith' }
  return [
    { name: 'doc: SelectUniqueValue, nothing taken', expression, user, value: 'John.Smith@contoso.com' },
    { name: 'doc: SelectUniqueValue, the first taken', expression, user, taken: ['John.Smith@contoso.com'], value: 'J.Smith@contoso.com' },
    { name: 'doc: SelectUniqueValue, the first two taken', expression, user, taken: ['John.Smith@contoso.com', 'J.Smith@contoso.com'], value: 'Jo.Smith@contoso.com' },
    { name: 'SelectUniqueValue, everything taken', expression, user, taken: ['John.Smith@contoso.com', 'J.Smith@contoso.com', 'Jo.Smith@contoso.com'], diagnostics: [{ code: 'noUniqueValue', offset: 0 }] },
    { name: 'SelectUniqueValue needs at least two rules', expression: 'SelectUniqueValue("a")', diagnostics: [{ code: 'wrongArgumentCount' }] },
  ]
}

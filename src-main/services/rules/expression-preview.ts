/**
 * The expression editor's live answer: highlighting tokens, diagnostics, and the value for the chosen
 * user and for a fixed sample of the cache. The expression is compiled once per call.
 */
import type { ExpressionDiagnosticInfo, ExpressionPreview, ExpressionResultForUser } from '../../common/rules'
import { compileExpression, type CompiledExpression } from '../../domain/expr/compile'
import type { Diagnostic } from '../../domain/expr/diagnostic'
import { highlightTokens } from '../../domain/expr/highlight-tokens'
import { createUserEvaluationContext, type ContextServices } from '../../domain/expr/user-evaluation-context'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import type { LoadedDirectory } from './directory-snapshots'
import { displayValue } from './evaluation-services'

/** Previews `text` against the loaded directory; `user` is the chosen user, if any. */
export function previewExpression(text: string, directory: LoadedDirectory, user: DirectoryUser | null, services: ContextServices): ExpressionPreview {
  const compiled = compileExpression(text, { knownAttributes: directory.knownAttributes })
  const runs = !compiled.hasErrors
  const names = directory.snapshot.userNames
  return {
    tokens: highlightTokens(text),
    diagnostics: compiled.diagnostics.map(diagnosticInfo),
    user: runs && user !== null ? resultFor(compiled, user, names, services) : null,
    sample: runs ? directory.sample.map((item) => resultFor(compiled, item, names, services)) : [],
  }
}

function resultFor(compiled: CompiledExpression, user: DirectoryUser, names: ReadonlyMap<string, string>, services: ContextServices): ExpressionResultForUser {
  const evaluation = compiled.evaluate(createUserEvaluationContext(user, services))
  const value = evaluation.redactedText !== undefined && evaluation.value !== null ? evaluation.redactedText : displayValue(evaluation.value)
  return { userId: user.id, displayName: names.get(user.id) ?? user.id, value, isIgnored: evaluation.isIgnored, diagnostics: evaluation.diagnostics.map(diagnosticInfo) }
}

function diagnosticInfo(diagnostic: Diagnostic): ExpressionDiagnosticInfo {
  return { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, offset: diagnostic.offset, length: diagnostic.length, hint: diagnostic.hint ?? null }
}

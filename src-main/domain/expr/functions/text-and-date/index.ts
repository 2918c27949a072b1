/**
 * The 15 date, format and text-transform functions of Entra's expression reference
 * (https://learn.microsoft.com/entra/identity/app-provisioning/functions-for-customizing-application-data);
 * functions/index.ts adds them to the registry.
 */
import type { FunctionDefinition } from '../function-definition'
import { DATE_FROM_NUM_FUNCTION, NUM_FROM_DATE_FUNCTION } from './ad-date-functions'
import { CDATE_FUNCTION, DATE_ADD_FUNCTION, DATE_DIFF_FUNCTION, NOW_FUNCTION } from './date-functions'
import { CONVERT_TO_BASE64_FUNCTION, CONVERT_TO_UTF8_HEX_FUNCTION } from './encoding-functions'
import { FORMAT_DATE_TIME_FUNCTION } from './format-date-time-function'
import { GUID_FUNCTION, REDACT_FUNCTION } from './guid-and-redact-functions'
import { NORMALIZE_DIACRITICS_FUNCTION } from './normalize-diacritics-function'
import { PCASE_FUNCTION } from './pcase-function'
import { RANDOM_STRING_FUNCTION } from './random-string-function'
import { REPLACE_FUNCTION } from './replace-function'

export const TEXT_AND_DATE_FUNCTIONS: readonly FunctionDefinition[] = [
  CDATE_FUNCTION,
  CONVERT_TO_BASE64_FUNCTION,
  CONVERT_TO_UTF8_HEX_FUNCTION,
  DATE_ADD_FUNCTION,
  DATE_DIFF_FUNCTION,
  DATE_FROM_NUM_FUNCTION,
  FORMAT_DATE_TIME_FUNCTION,
  GUID_FUNCTION,
  NORMALIZE_DIACRITICS_FUNCTION,
  NOW_FUNCTION,
  NUM_FROM_DATE_FUNCTION,
  PCASE_FUNCTION,
  RANDOM_STRING_FUNCTION,
  REDACT_FUNCTION,
  REPLACE_FUNCTION,
]

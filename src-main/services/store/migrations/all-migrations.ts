/** Every cache migration in order. Append new ones; never edit or reorder a released one. */
import { initialSchema } from './0001-initial'
import { deltaAndResume } from './0002-delta-and-resume'
import { profileRules } from './0003-profile-rules'
import { syncJournal } from './0004-sync'
import { appAssignments } from './0005-app-assignments'
import type { Migration } from './migration'

export const ALL_MIGRATIONS: readonly Migration[] = [initialSchema, deltaAndResume, profileRules, syncJournal, appAssignments]

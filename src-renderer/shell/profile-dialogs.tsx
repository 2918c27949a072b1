/**
 * The profile dialogs: a name for a new, renamed or duplicated profile, and the confirmation that
 * deleting one asks for. Whichever the store says is open is shown; main decides whether a name is
 * acceptable and says why not.
 */
import { useState, type ReactNode } from 'react'
import type { ProfileSummary } from '../../src-main/common'
import { Dialog } from '../components/dialog'
import { ErrorNotice } from '../components/error-notice'
import { FormField } from '../components/form-field'
import { useAppStore } from '../stores/app-store-context'

/** The open profile dialog, if any. */
export function ProfileDialogs(): ReactNode {
  const dialog = useAppStore((state) => state.profileDialog)
  const profiles = useAppStore((state) => state.profiles)
  if (dialog === null) return null
  if (dialog.kind === 'create') return <ProfileNameDialog kind="create" profile={null} />
  const profile = profiles.find((item) => item.id === dialog.profileId)
  // The profile went away while its dialog was open (deleted in another window).
  if (profile === undefined) return null
  return dialog.kind === 'delete' ? (
    <DeleteProfileDialog profile={profile} />
  ) : (
    <ProfileNameDialog kind={dialog.kind} profile={profile} />
  )
}

const NAME_DIALOG_TEXT = {
  create: {
    title: 'New profile',
    description:
      'A profile is one organisation’s connection, rules and cache. Create one per company or application account; nothing is shared between profiles.',
    submit: 'Create profile',
  },
  rename: { title: 'Rename profile', description: 'Only the name changes; the connection and cache stay as they are.', submit: 'Rename' },
  duplicate: {
    title: 'Duplicate profile',
    description:
      'The copy gets this profile’s connection settings, but not its stored secrets, sign-in or cache: you connect and pull it separately.',
    submit: 'Duplicate',
  },
} as const

function ProfileNameDialog(props: { kind: 'create' | 'rename' | 'duplicate'; profile: ProfileSummary | null }): ReactNode {
  const action = useAppStore((state) => state.profileAction)
  const close = useAppStore((state) => state.closeProfileDialog)
  const createProfile = useAppStore((state) => state.createProfile)
  const renameProfile = useAppStore((state) => state.renameProfile)
  const duplicateProfile = useAppStore((state) => state.duplicateProfile)
  const initial = props.kind === 'rename' ? (props.profile?.name ?? '') : props.kind === 'duplicate' ? `${props.profile?.name ?? ''} (copy)` : ''
  const [name, setName] = useState(initial)
  const text = NAME_DIALOG_TEXT[props.kind]

  const submit = (): void => {
    const { profile } = props
    if (props.kind === 'create') void createProfile(name)
    else if (profile !== null && props.kind === 'rename') void renameProfile(profile.id, name)
    else if (profile !== null) void duplicateProfile(profile.id, name)
  }

  return (
    <Dialog
      title={props.kind === 'create' ? text.title : `${text.title} “${props.profile?.name ?? ''}”`}
      description={<p>{text.description}</p>}
      onClose={close}
      onSubmit={submit}
      testId="profile-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button is-primary" data-testid="profile-dialog-submit" disabled={action.isBusy}>
            {action.isBusy ? 'Saving…' : text.submit}
          </button>
        </>
      }
    >
      <FormField label="Profile name" help="For example the company or the application account it serves.">
        <input
          className="text-input"
          data-testid="profile-name-input"
          data-autofocus=""
          value={name}
          maxLength={80}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setName(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
      </FormField>
      {action.error !== null && <ErrorNotice error={action.error} />}
    </Dialog>
  )
}

function DeleteProfileDialog(props: { profile: ProfileSummary }): ReactNode {
  const action = useAppStore((state) => state.profileAction)
  const close = useAppStore((state) => state.closeProfileDialog)
  const deleteProfile = useAppStore((state) => state.deleteProfile)
  const [typed, setTyped] = useState('')
  const { profile } = props
  // Main checks the name too; the disabled button only saves a round trip for an obvious typo.
  const matches = typed === profile.name

  return (
    <Dialog
      title={`Delete “${profile.name}”?`}
      tone="danger"
      description={
        <>
          <p>
            This removes the profile from this computer: its local cache of users and groups, its connection
            settings, and every secret stored for it (client secret, certificate, sign-in tokens). Nothing in Entra
            ID or in your application changes.
          </p>
          {profile.kind === 'demo' && <p>The demo organisation comes back whenever you explore it again.</p>}
        </>
      }
      onClose={close}
      onSubmit={() => void deleteProfile(profile.id, typed)}
      testId="delete-profile-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button is-danger"
            data-testid="profile-delete-button"
            disabled={!matches || action.isBusy}
          >
            {action.isBusy ? 'Deleting…' : 'Delete profile'}
          </button>
        </>
      }
    >
      <FormField label={`Type “${profile.name}” to confirm`}>
        <input
          className="text-input"
          data-testid="profile-delete-confirm-input"
          data-autofocus=""
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
      </FormField>
      {action.error !== null && <ErrorNotice error={action.error} />}
    </Dialog>
  )
}

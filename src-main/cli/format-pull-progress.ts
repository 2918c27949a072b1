/** One line of pull progress for stderr: phase, counts, rate and time left, in plain words. */
import type { PullProgress } from '../common'

const count = new Intl.NumberFormat('en-US')

export function formatPullProgress(progress: PullProgress): string {
  const parts: string[] = []
  const users = progress.totalUsers !== null ? `${count.format(progress.users)} of ${count.format(progress.totalUsers)} users` : `${count.format(progress.users)} users`
  parts.push(`${progress.phase.padEnd(11)} ${users}`)
  if (progress.groups > 0) parts.push(`${count.format(progress.groups)} groups`)
  parts.push(`${count.format(progress.pages)} pages`)
  if (progress.rate > 0) parts.push(`${count.format(Math.round(progress.rate))}/s`)
  if (progress.etaSeconds !== null) parts.push(`about ${formatSeconds(progress.etaSeconds)} left`)
  return parts.join(' · ')
}

export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  if (whole < 60) return `${whole} s`
  const minutes = Math.floor(whole / 60)
  return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`
}

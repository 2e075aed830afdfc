/** Times as CSAs read them: UK time, 24-hour clock ("14:05"), with the date when it is not today. */
export function formatTime(date: Date, now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  if (dayOf(date) === dayOf(now)) return time;
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' }).format(date)} ${time}`;
}

/** A full date and time: "Tuesday 4 March 2025 at 14:05". */
export function formatDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${day} at ${time}`;
}

/** How long since `since`, in words: "less than a minute", "4 minutes", "1 hour 12 minutes". */
export function formatWait(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const minuteText = `${rest} minute${rest === 1 ? '' : 's'}`;
  if (hours === 0) return minuteText;
  const hourText = `${hours} hour${hours === 1 ? '' : 's'}`;
  return rest === 0 ? hourText : `${hourText} ${minuteText}`;
}

function dayOf(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short' }).format(date);
}

/** Numbers as the reader's locale writes them, money in the plan's currency. */
const locale = () => navigator.language || 'en';

export function money(value: number | null | undefined, currency: string, digits = 0): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency,
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function number(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A local `YYYY-MM-DDTHH:MM` timestamp as "Mon 30 Nov 08:00" (it is wall-clock time already: no zone shift). */
export function wallClock(timestamp: string, withTime = true): string {
  const [y, m, d] = timestamp.slice(0, 10).split('-').map(Number);
  const day = new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return withTime && timestamp.length >= 16 ? `${day} ${timestamp.slice(11, 16)}` : day;
}

/** Saves text as a file the browser downloads. */
export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

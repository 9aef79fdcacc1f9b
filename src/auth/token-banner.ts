/**
 * The first-start token as printed: framed and set apart by blank lines, so
 * that it stands out among the log lines around it. The token stays alone on
 * its line after the words scripts look for ("Coordinator token (shown once,
 * keep it): "), so it can be copied or parsed.
 */
export function tokenBanner(token: string): string {
  const line = `Coordinator token (shown once, keep it): ${token}`;
  const rule = '='.repeat(line.length);
  return `\n${rule}\n${line}\n${rule}\n\n`;
}

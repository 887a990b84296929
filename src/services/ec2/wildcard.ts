/**
 * Whether `text` matches an EC2 filter value: `*` matches any run of characters, `?` one character, and a
 * backslash makes the next character literal (`\*`). Case-sensitive, as EC2 filters are.
 */
export function filterValueMatches(pattern: string, text: string): boolean {
  if (!/[*?\\]/.test(pattern)) return pattern === text
  let source = '^'
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\' && i + 1 < pattern.length) source += escapeChar(pattern[++i]!)
    else if (c === '*') source += '[\\s\\S]*'
    else if (c === '?') source += '[\\s\\S]'
    else source += escapeChar(c)
  }
  return new RegExp(`${source}$`, 'u').test(text)
}

const escapeChar = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

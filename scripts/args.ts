/** The command line as the scripts and the bench read it: `-- <ref> --every 5 --leave "scroll A,leaf A"`. */

/** The value after `option` ('' when it ends the line), or undefined when the option is not given. */
export function optionValue(args: readonly string[], option: string): string | undefined {
  const at = args.indexOf(option);
  return at < 0 ? undefined : (args[at + 1] ?? '');
}

/** The comma-separated list after `option`, each name trimmed, empty ones left out (none when it is not given). */
export const optionList = (args: readonly string[], option: string): string[] =>
  (optionValue(args, option) ?? '').split(',').flatMap((n) => n.trim() || []);

/** The first argument that is neither an option nor the value after one of `valued`, or `fallback`. */
export function positional(args: readonly string[], valued: readonly string[], fallback: string): string {
  const values = new Set(
    valued
      .map((o) => args.indexOf(o))
      .filter((i) => i >= 0)
      .map((i) => i + 1),
  );
  return args.find((a, i) => !a.startsWith('--') && !values.has(i)) ?? fallback;
}

/**
 * Noto Sans CJK SC, the face of the Chinese report PDF, found among the system's fonts. No npm
 * package ships a CJK font in one file of reasonable size: the self-hosted Noto Sans SC is sliced
 * into about a hundred files for the browser, which a PDF cannot set one line from, and the
 * packages with whole files weigh 57 MB to download. Debian's fonts-noto-cjk (and the same files
 * on Fedora, Arch and Alpine) has it in two files; .ci/run installs it. Without it the Chinese
 * report links the English PDF, as it did before (pdf-scripts.server.ts).
 */
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/** Where the distributions put Noto Sans CJK. */
export const SYSTEM_CJK_FONT_DIRS = [
  '/usr/share/fonts/opentype/noto', // Debian, Ubuntu: fonts-noto-cjk
  '/usr/share/fonts/google-noto-sans-cjk-fonts', // Fedora
  '/usr/share/fonts/google-noto-cjk', // older Fedora
  '/usr/share/fonts/noto-cjk', // Arch: noto-fonts-cjk
  '/usr/share/fonts/noto' // Alpine: font-noto-cjk
] as const;

/** The collection files and, inside each, the Simplified Chinese face (a .ttc holds one per region). */
export const CJK_FILES = {
  regular: { file: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  bold: { file: 'NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' }
} as const;

export interface CjkFontFiles {
  regular: string;
  bold: string;
}

/**
 * The directories to look in: IGF_PDF_CJK_FONT_DIR alone when it is set (a font kept elsewhere, or
 * an empty directory to switch the Chinese PDF off), else the distributions' own.
 */
export function cjkFontDirs(env: Record<string, string | undefined>): readonly string[] {
  const configured = env.IGF_PDF_CJK_FONT_DIR?.trim();
  return configured ? [configured] : SYSTEM_CJK_FONT_DIRS;
}

const readable = (path: string) => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first directory with both files readable, as their paths; null when none has them. */
export function findCjkFont(dirs: readonly string[], exists: (path: string) => boolean = readable): CjkFontFiles | null {
  for (const dir of dirs) {
    const regular = join(dir, CJK_FILES.regular.file);
    const bold = join(dir, CJK_FILES.bold.file);
    if (exists(regular) && exists(bold)) return { regular, bold };
  }
  return null;
}

let found: CjkFontFiles | null | undefined;

/** This server's Noto Sans CJK, looked for once (the process environment is read here, at the edge). */
export function serverCjkFont(): CjkFontFiles | null {
  if (found === undefined) found = findCjkFont(cjkFontDirs(process.env));
  return found;
}

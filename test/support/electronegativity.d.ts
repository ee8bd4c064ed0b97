/** The programmatic entry of Electronegativity (the package ships no types): what the scanner test uses. */
declare module '@doyensec/electronegativity' {
  /** A level of the scanner's scale, e.g. `{ value: 2, name: 'MEDIUM' }`. */
  interface Level {
    /** Its rank: higher is more severe or more certain. */
    value: number;
    /** `INFORMATIONAL` | `LOW` | `MEDIUM` | `HIGH` (severity); `TENTATIVE` | `FIRM` | `CERTAIN` (confidence). */
    name: string;
  }

  /** One finding. */
  export interface Issue {
    /** The check, e.g. `SANDBOX_JS_CHECK`. */
    id: string;
    /** The file, relative to the input with `isRelative`; `N/A` for a finding about the whole app. */
    file: string;
    /** Where in the file (line from 1, column from 0). */
    location: { line: number; column: number };
    /** How bad. */
    severity: Level;
    /** How sure the scanner is. */
    confidence: Level;
    /** What the check says, in the scanner's locale. */
    description: string;
    /** The source text matched, when there is one. */
    sample?: string;
    /** Whether the check asks for a person's review rather than asserting a flaw. */
    manualReview: boolean;
  }

  /** What one scan found. */
  export interface ScanResult {
    /** Number of global checks run. */
    globalChecks: number;
    /** Number of per-file checks run. */
    atomicChecks: number;
    /** Files the scanner could not parse (`tolerable: false`: the file was not scanned). */
    errors: { file: string; message: string; tolerable: boolean }[];
    /** The findings. */
    issues: Issue[];
  }

  /** The scan options (the CLI's flags). */
  export interface ScanOptions {
    /** A directory, a .js/.html file or an .asar. */
    input: string;
    /** A report file to write, .csv or .sarif. */
    output?: string;
    /** Whether `output` is SARIF. */
    isSarif?: boolean;
    /** Only these checks (class names or ids). */
    customScan?: string[];
    /** Checks to skip (class names or ids). */
    excludeFromScan?: string[];
    /** Report paths relative to `input`. */
    isRelative?: boolean;
    /** The Electron version to assume, instead of looking for it. */
    electronVersionOverride?: string;
    /** Extra Babel parser plugins. */
    parserPlugins?: string[];
  }

  /** Runs a scan. */
  export default function run(options: ScanOptions): Promise<ScanResult>;
}

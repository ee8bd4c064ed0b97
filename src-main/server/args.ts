/** Command-line options of browser mode (`npm run serve -- --demo --port 5183 --lang en`). */
import { defaultLanguage, isLanguage, type Language } from '../locale/language';
import { serverText } from '../locale/shell';

/** Port tried first when none is given. */
export const DEFAULT_PORT = 5183;

/** What the browser-mode launcher was asked to do. */
export interface ServeArgs {
  /** Port to listen on (0 = any free port). */
  port: number;
  /** Whether the port was chosen explicitly (then a busy port is an error, not a fallback). */
  isPortExplicit: boolean;
  /** Open the demo project before serving. */
  isDemo: boolean;
  /** Project file to open before serving. */
  project: string | null;
  /** Language of the start-up line and the Node side's texts until the page sets its own (`--lang`, `QUNXI_LANG`). */
  language: Language;
}

/** Parses argv (without node and script) and the environment; throws a one-line message on bad input. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { port: DEFAULT_PORT, isPortExplicit: false, isDemo: false, project: null, language: defaultLanguage };
  if (isLanguage(env.QUNXI_LANG)) args.language = env.QUNXI_LANG;
  if (env.QUNXI_PORT) {
    args.port = parsePort(env.QUNXI_PORT);
    args.isPortExplicit = true;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(serverText.needsValue(flag));
      return v;
    };
    if (flag === '--demo') args.isDemo = true;
    else if (flag === '--port') {
      args.port = parsePort(value());
      args.isPortExplicit = true;
    } else if (flag === '--project') args.project = value();
        else if (flag === '--lang') {
      const language = value();
      if (!isLanguage(language)) throw new Error(serverText.unknownOption(`--lang ${language}`));
      args.language = language;
    } else throw new Error(serverText.unknownOption(a));
  }
  return args;
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(serverText.invalidPort(s));
  return n;
}

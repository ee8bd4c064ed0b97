/** Command-line options of browser mode (`npm run serve -- --demo --port 5183`). */

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
}

/** Parses argv (without node and script) and the environment; throws a one-line message on bad input. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { port: DEFAULT_PORT, isPortExplicit: false, isDemo: false, project: null };
  if (env.QUNXI_PORT) {
    args.port = parsePort(env.QUNXI_PORT);
    args.isPortExplicit = true;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`参数 ${flag} 缺少取值 / ${flag} needs a value`);
      return v;
    };
    if (flag === '--demo') args.isDemo = true;
    else if (flag === '--port') {
      args.port = parsePort(value());
      args.isPortExplicit = true;
    } else if (flag === '--project') args.project = value();
    else throw new Error(`未知参数：${a} / unknown option ${a}`);
  }
  return args;
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`端口无效：${s} / invalid port ${s}`);
  return n;
}

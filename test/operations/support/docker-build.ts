/**
 * `docker build` without a Docker engine: the build context assembled as the
 * Docker CLI assembles it (.dockerignore with Docker's matching rules, through
 * @balena/dockerignore), the Dockerfile parsed (dockerfile-ast), and each
 * stage's WORKDIR, ENV, COPY and RUN carried out in a directory of its own
 * that stands for the stage's filesystem. The host stands in for the base
 * image: its node (this test's), npm and compilers. What only a container's
 * root can do is recorded, not done: RUN apt-get (OS packages) and COPY --chown.
 */
import ignore from '@balena/dockerignore';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { DockerfileParser, Instruction, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';

const SUBSTITUTED = new Set(['FROM', 'COPY', 'WORKDIR', 'ENV', 'USER', 'ARG']);

export interface Stage {
  name: string;
  /** The image it starts from, with build arguments substituted. */
  from: string;
  /** The stage's filesystem: `/app` is `<root>/app`. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string;
  /** Exec-form arguments of CMD and HEALTHCHECK CMD, if the stage has them. */
  cmd?: string[];
  healthcheck?: string[];
  /** What the build recorded rather than did. */
  skipped: string[];
}

/** The files a clean clone holds (tracked, plus new ones not ignored by git), less what .dockerignore excludes. */
export function assembleContext(repository: string, into: string): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repository, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(repository, file)));
  const dockerignore = join(repository, '.dockerignore');
  const rules = existsSync(dockerignore) ? readFileSync(dockerignore, 'utf8').split('\n') : [];
  const kept = ignore({ ignorecase: false }).add(rules).filter(files);
  for (const file of kept) cpSync(join(repository, file), join(into, file));
  return kept;
}

/** Runs every stage of `dockerfile` against `context`; stages live under `workspace`. */
export function build(dockerfile: string, context: string, workspace: string): Stage[] {
  const parsed = DockerfileParser.parse(readFileSync(dockerfile, 'utf8'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword();
    const raw = instruction.getArgumentsContent() ?? '';
    // Docker expands variables in these; RUN, CMD and HEALTHCHECK are left to the shell.
    const text = SUBSTITUTED.has(keyword) ? substitute(raw, { ...args, ...stage?.env }) : raw;
    if (keyword === 'ARG' && !stage) {
      const [name, value = ''] = text.split(/=(.*)/s);
      args[name.trim()] = value.trim();
    } else if (keyword === 'FROM') {
      const [from, , name] = text.split(/\s+/);
      stage = { name: name ?? String(stages.length), from, root: join(workspace, `stage-${stages.length}`), workdir: '/', env: {}, user: 'root', skipped: [] };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
    } else if (!stage) {
      throw new Error(`${keyword} before FROM`);
    } else {
      apply(stage, keyword, text, instruction, { context, stages });
    }
  }
  return stages;
}

function apply(stage: Stage, keyword: string, text: string, instruction: Instruction, from: { context: string; stages: Stage[] }): void {
  switch (keyword) {
    case 'WORKDIR':
      stage.workdir = posix.resolve(stage.workdir, text);
      mkdirSync(inStage(stage, stage.workdir), { recursive: true });
      return;
    case 'ENV':
      for (const [, name, value] of text.matchAll(/(\w+)=("[^"]*"|\S*)/g)) stage.env[name] = value.replace(/^"|"$/g, '');
      return;
    case 'USER':
      stage.user = text;
      return;
    case 'COPY':
      return copy(stage, text, flagsOf(instruction), from);
    case 'RUN':
      return run(stage, text);
    case 'CMD':
      stage.cmd = execForm(instruction);
      return;
    case 'HEALTHCHECK':
      stage.healthcheck = JSON.parse(text.slice(text.indexOf('CMD') + 3).trim()) as string[];
      return;
    case 'EXPOSE':
    case 'STOPSIGNAL':
      return;
    default:
      throw new Error(`This build does not know ${keyword}`);
  }
}

/** COPY [--from=stage] [--chown=u:g] src... dest, with Docker's rules: a directory's contents are copied, not the directory. */
function copy(stage: Stage, text: string, flags: Record<string, string>, from: { context: string; stages: Stage[] }): void {
  const [destination, ...sources] = text.split(/\s+/).reverse();
  const source = flags.from;
  const base = source === undefined ? from.context : inStage(from.stages.find((s) => s.name === source) ?? fail(`no stage ${source}`), '/');
  if (flags.chown) stage.skipped.push(`COPY --chown=${flags.chown} ${destination}`);
  const target = inStage(stage, posix.resolve(stage.workdir, destination));
  for (const path of sources.reverse()) {
    const origin = join(base, path);
    if (!existsSync(origin)) throw new Error(`COPY failed: "${path}" not found in ${source === undefined ? 'the build context' : `stage ${source}`}`);
    const intoDirectory = statSync(origin).isDirectory() || destination.endsWith('/') || sources.length > 1;
    const to = statSync(origin).isDirectory() ? target : intoDirectory ? join(target, basename(path)) : target;
    mkdirSync(dirname(to), { recursive: true });
    cpSync(origin, to, { recursive: true });
  }
}

/** Shell-form RUN in the stage's working directory, with only the stage's environment (and the host's tools). */
function run(stage: Stage, command: string): void {
  if (/^apt-get\b/.test(command)) {
    stage.skipped.push(`RUN ${command}`);
    return;
  }
  const node = process.execPath;
  const env = {
    PATH: `${dirname(node)}:${process.env.PATH}`,
    HOME: process.env.HOME ?? '/root',
    // The base image's node builds native addons against its own headers.
    npm_config_nodedir: dirname(dirname(node)),
    // Docker would cache layers; here the host's npm cache plays that part (the lockfile decides what is installed).
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    ...stage.env,
  };
  const result = spawnSync('sh', ['-c', command], { cwd: inStage(stage, stage.workdir), env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`RUN ${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export function inStage(stage: Stage, path: string): string {
  return join(stage.root, path);
}

function flagsOf(instruction: Instruction): Record<string, string> {
  const flags = (instruction as ModifiableInstruction).getFlags();
  return Object.fromEntries(flags.map((flag) => [flag.getName(), flag.getValue() ?? '']));
}

function execForm(instruction: Instruction): string[] {
  return (instruction as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue());
}

function substitute(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => variables[(braced ?? bare)!] ?? whole);
}

function fail(message: string): never {
  throw new Error(message);
}

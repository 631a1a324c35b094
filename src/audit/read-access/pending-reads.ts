import { GraphQLResolveInfo, print } from 'graphql';
import { PersonalDataReadEntry } from './personal-data-read.event';

const PENDING = Symbol('personalDataReads');
const MAX_QUERY_CHARS = 8000;
const MAX_VARIABLES_CHARS = 4000;

/** What one operation has read so far; kept on its GraphQL context and written once, when it resolves. */
export interface PendingReads {
  operationName: string | null;
  query: string;
  variables: string;
  reads: PersonalDataReadEntry[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`);

function pathOf(info: GraphQLResolveInfo): string {
  const keys: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) keys.unshift(p.key);
  return keys.join('.');
}

/** The parent's own id when it has one: which entry, which party. Never the personal value itself. */
function subjectOf(source: unknown): string | null {
  if (!source || typeof source !== 'object') return null;
  const s = source as Record<string, unknown>;
  const id = s.id ?? s.entryId ?? s.organisationId ?? s.eventId;
  return typeof id === 'string' ? id : null;
}

export function notePersonalDataRead(context: object, field: string, info: GraphQLResolveInfo, source: unknown): void {
  const holder = context as { [PENDING]?: PendingReads };
  holder[PENDING] ??= {
    operationName: info.operation.name?.value ?? null,
    query: clip([info.operation, ...Object.values(info.fragments)].map((node) => print(node)).join('\n'), MAX_QUERY_CHARS),
    variables: clip(JSON.stringify(info.variableValues ?? {}), MAX_VARIABLES_CHARS),
    reads: [],
  };
  holder[PENDING].reads.push({ field, path: pathOf(info), subjectId: subjectOf(source) });
}

/** Takes (and clears) what the operation read. */
export function takePendingReads(context: object): PendingReads | undefined {
  const holder = context as { [PENDING]?: PendingReads };
  const pending = holder[PENDING];
  delete holder[PENDING];
  return pending;
}

import type { IncomingMessage } from 'node:http';
import { Kind, OperationDefinitionNode, parse } from 'graphql';

export interface OperationFacts {
  /** The client's name for the operation (anonymous: null). */
  name: string | null;
  /** query, mutation or subscription; `unknown` when the document does not parse. */
  type: string;
  /** The schema's top-level fields it selects: a bounded label, unlike the client-chosen name. */
  rootFields: string[];
}

/** What one HTTP request did, as its log line and the request metrics report it. */
export interface RequestFacts {
  /** One per operation (a batched request has several). */
  operations: OperationFacts[];
  /** `extensions.code` of every error the response carries. */
  errorCodes: string[];
  userId: string | null;
}

const facts = new WeakMap<IncomingMessage, RequestFacts>();

export function factsOf(request: IncomingMessage): RequestFacts {
  let found = facts.get(request);
  if (!found) {
    found = { operations: [], errorCodes: [], userId: null };
    facts.set(request, found);
  }
  return found;
}

/** `OK`, or the error codes (distinct, in order), or `HTTP_<status>` for a failure without one. */
export function outcomeOf(request: IncomingMessage, statusCode: number): string {
  const codes = [...new Set(factsOf(request).errorCodes)];
  if (codes.length > 0) return codes.join(',');
  return statusCode >= 400 ? `HTTP_${statusCode}` : 'OK';
}

type GraphqlParams = { query?: unknown; operationName?: unknown };

/** Notes the operations a GraphQL request body (or GET query string) asks for. */
export function noteOperations(request: IncomingMessage, params: GraphqlParams | GraphqlParams[] | null | undefined): void {
  for (const entry of Array.isArray(params) ? params : params ? [params] : []) {
    if (typeof entry?.query !== 'string') continue;
    const name = typeof entry.operationName === 'string' ? entry.operationName : null;
    factsOf(request).operations.push(describe(entry.query, name));
  }
}

/** Parsed shapes of recent documents: clients send the same few queries over and over. */
const described = new Map<string, OperationDefinitionNode[] | null>();
const MAX_DESCRIBED = 500;
const MAX_CACHED_SOURCE = 8 * 1024;

function describe(source: string, operationName: string | null): OperationFacts {
  const operations = operationsIn(source);
  const chosen = operations?.find((o) => o.name?.value === operationName) ?? (operations?.length === 1 ? operations[0] : undefined);
  if (!chosen) return { name: operationName, type: 'unknown', rootFields: [] };
  const rootFields = chosen.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return { name: chosen.name?.value ?? null, type: chosen.operation, rootFields: [...new Set(rootFields)] };
}

function operationsIn(source: string): OperationDefinitionNode[] | null {
  let operations = described.get(source);
  if (operations === undefined) {
    try {
      const document = parse(source, { noLocation: true, maxTokens: 10_000 });
      operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    } catch {
      operations = null; // the response says what is wrong with it
    }
    if (source.length > MAX_CACHED_SOURCE) return operations;
    if (described.size >= MAX_DESCRIBED) described.delete(described.keys().next().value!);
    described.set(source, operations);
  }
  return operations;
}

import { z } from 'zod';
import {
  assignmentEvent,
  assignmentFields,
  assignmentSnapshot,
  batchResult,
  changesPage,
  health,
  MAX_PAGE,
  operationBatch,
  problem,
  publication,
  publicationsPage,
  tokenResponse,
  whoAmI,
} from './wire.ts';

/** Bumped with every change of the wire; the hub reports it on /health. */
export const CONTRACT_VERSION = '1.0.0';

function schema(s: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const retryAfter = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};
const busy = {
  '429': { ...problemResponse('Too many requests: wait Retry-After seconds'), headers: { 'Retry-After': retryAfter } },
  '503': { ...problemResponse('The hub is not available: wait Retry-After seconds'), headers: { 'Retry-After': retryAfter } },
};
/** What any JSON route may answer about the request itself. */
const requestErrors = {
  '400': problemResponse('The body is not JSON'),
  '413': problemResponse('The body is larger than the hub accepts'),
};
const authErrors = {
  ...requestErrors,
  '401': problemResponse('No token, or the token expired: get a new one from the token endpoint, then retry once'),
  '403': problemResponse('This client or installation may not do this: stop and tell the administrator'),
};
const opHeaders = [
  { name: 'Operation-Id', in: 'header', required: true, description: 'UUIDv7 of the operation; a repeated one is answered with the first answer', schema: { type: 'string', format: 'uuid' } },
  { name: 'Operation-Seq', in: 'header', required: true, description: 'The installation’s sequence number of the operation (grows by one per queued operation)', schema: { type: 'integer', minimum: 1 } },
];
const installation = { name: 'X-Installation-Id', in: 'header', required: true, description: 'The laptop (installation) making the request; bound to the client’s unit on first use', schema: { type: 'string', format: 'uuid' } };

/**
 * The OpenAPI 3.1 document of the provincial API the app speaks (assignments, their events,
 * result files, the changes feed, auth as an LGSP gateway does it). Generated from the wire
 * schemas; `scripts/openapi.ts` writes it to `shared/sync/openapi.json`.
 */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nghị Sự — liên thông nhiệm vụ với Hệ thống điều hành',
      version: CONTRACT_VERSION,
      description:
        'Assignments (nhiệm vụ) given by a standing office to lead units, their progress, extension requests and decisions, and result documents. ' +
        'Writes are idempotent PUTs on client-made UUIDv7s with an operation id and a per-installation sequence; reads follow a changes feed with an opaque cursor. ' +
        'Classified (Mật and above) assignments never travel.',
    },
    servers: [{ url: 'https://hub.example.gov.vn' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An access token from /oauth/token (client credentials)' },
        clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: {} } } },
      },
      schemas: {
        AssignmentFields: schema(assignmentFields),
        AssignmentEvent: schema(assignmentEvent),
        AssignmentSnapshot: schema(assignmentSnapshot),
        OperationBatch: schema(operationBatch),
        BatchResult: schema(batchResult),
        ChangesPage: schema(changesPage),
        Publication: schema(publication),
        PublicationsPage: schema(publicationsPage),
        Problem: schema(problem),
        TokenResponse: schema(tokenResponse),
        WhoAmI: schema(whoAmI),
        Health: schema(health),
      },
    },
    paths: {
      '/oauth/token': {
        post: {
          summary: 'An access token for a client (OAuth 2.0 client credentials)',
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['grant_type', 'client_id', 'client_secret'],
                  properties: { grant_type: { const: 'client_credentials' }, client_id: { type: 'string' }, client_secret: { type: 'string' } },
                },
              },
            },
          },
          responses: {
            '200': { description: 'A bearer token', content: json('TokenResponse') },
            '400': problemResponse('Not a client-credentials request (with the OAuth `error` field)'),
            '401': problemResponse('Unknown client or wrong secret'),
            ...busy,
          },
        },
      },
      '/health': { get: { summary: 'Is the hub and its database up', security: [], responses: { '200': { description: 'Up', content: json('Health') }, '503': { description: 'Database unreachable', content: json('Health') } } } },
      '/v1/me': {
        get: {
          summary: 'The unit this client speaks for, and the installation',
          parameters: [installation],
          responses: { '200': { description: 'Who the caller is', content: json('WhoAmI') }, ...authErrors, ...busy },
        },
      },
      '/v1/assignments/{id}': {
        put: {
          summary: 'Create or change the assigner’s fields of an assignment',
          description: 'Create with If-None-Match: *; change with If-Match: "<fieldsVersion>". Only the assigner’s unit may write.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            installation,
            ...opHeaders,
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { const: '*' } },
          ],
          requestBody: { required: true, content: json('AssignmentFields') },
          responses: {
            '200': { description: 'Changed (or a repeat of an operation already applied)', content: json('BatchResult') },
            '201': { description: 'Created', content: json('BatchResult') },
            ...authErrors,
            '404': problemResponse('If-Match on an assignment the hub does not have'),
            '409': problemResponse('The operation id was already used by another installation'),
            '412': problemResponse('The assignment changed since If-Match (or exists, with If-None-Match): the body carries the hub’s copy'),
            '422': problemResponse('The body breaks the contract'),
            ...busy,
          },
        },
      },
      '/v1/assignments/{id}/events/{eventId}': {
        put: {
          summary: 'Record one event of an assignment (progress, completion, acceptance, extension…)',
          description: 'The lead unit records progress, completion and extension requests; the assigner the rest. An event the assignment’s status does not allow is refused with 409.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'eventId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            installation,
            ...opHeaders,
          ],
          requestBody: { required: true, content: json('AssignmentEvent') },
          responses: {
            '200': { description: 'Recorded (or a repeat)', content: json('BatchResult') },
            ...authErrors,
            '404': problemResponse('No such assignment visible to this unit'),
            '409': problemResponse('The assignment’s status does not allow this event now: the body carries the hub’s copy'),
            '422': problemResponse('The body breaks the contract'),
            ...busy,
          },
        },
      },
      '/v1/operations': {
        post: {
          summary: 'Many operations in order (the outbox, batched); each answered as its own PUT would be',
          parameters: [installation],
          requestBody: { required: true, content: json('OperationBatch') },
          responses: { '200': { description: 'One result per operation, in order', content: json('BatchResult') }, ...authErrors, '422': problemResponse('The batch breaks the contract'), ...busy },
        },
      },
      '/v1/changes': {
        get: {
          summary: 'Assignments visible to the caller’s unit that changed after the cursor',
          parameters: [
            installation,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE } },
          ],
          responses: { '200': { description: 'A page of changes and the cursor after it', content: json('ChangesPage') }, ...authErrors, '422': problemResponse('A cursor this hub did not give'), ...busy },
        },
      },
      '/v1/publications/{id}': {
        put: {
          summary: 'Publish a signed meeting pack, an issued Thông báo kết luận, a written-opinions request or a member’s answers (its file uploaded first) for the units named',
          description: 'Idempotent on the client-made id: the same body again answers 200; another body for the same id is refused (409). Only the publishing unit may publish under an id. Answers (opinion_answers) are accepted only from a unit the request was sent to, and only for the unit that sent it (422 request_unknown / wrong_recipient).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, installation],
          requestBody: { required: true, content: json('Publication') },
          responses: {
            '200': { description: 'Already published with this body' },
            '201': { description: 'Published' },
            ...authErrors,
            '409': problemResponse('This id was published with another body, or by another unit'),
            '422': problemResponse('The body breaks the contract, or its file was never uploaded'),
            ...busy,
          },
        },
      },
      '/v1/publications': {
        get: {
          summary: 'Publications for the caller’s unit (it published them or is a recipient) after the cursor',
          parameters: [
            installation,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            {
              name: 'kinds',
              in: 'query',
              required: false,
              description: 'Comma-separated kinds the caller reads; left out, meeting_pack and conclusion_notice only (what the first release understood)',
              schema: { type: 'string' },
            },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE } },
          ],
          responses: { '200': { description: 'A page of publications and the cursor after it', content: json('PublicationsPage') }, ...authErrors, '422': problemResponse('A cursor this hub did not give'), ...busy },
        },
      },
      '/v1/files/{sha256}': {
        put: {
          summary: 'Upload a result or evidence file once, named by its SHA-256',
          parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, installation],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
          responses: {
            '200': { description: 'Already held' },
            '201': { description: 'Stored' },
            ...authErrors,
            '413': problemResponse('Too large'),
            '415': problemResponse('Not sent as application/octet-stream'),
            '422': problemResponse('The bytes do not hash to the name'),
            ...busy,
          },
        },
        get: {
          summary: 'Download a file the caller uploaded, or that an assignment or a publication visible to it refers to',
          parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, installation],
          responses: { '200': { description: 'The bytes', content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } }, ...authErrors, '404': problemResponse('Not held, or not visible to this unit'), ...busy },
        },
      },
    },
  };
}

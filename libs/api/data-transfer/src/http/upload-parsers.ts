import type { FastifyInstance } from 'fastify';

// What browsers and tools send a CSV as (Windows browsers say vnd.ms-excel).
const uploadTypes = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', 'multipart/form-data'];

/**
 * Leaves the body of an upload unread, as a stream the route consumes at its own
 * pace (staged to the database as it arrives; no 100 MB buffer). Only `uploadPath`
 * takes these types; elsewhere they stay refused as before (415).
 */
export function registerUploadParsers(instance: FastifyInstance, uploadPath: string): void {
  for (const type of uploadTypes) {
    if (instance.hasContentTypeParser(type)) continue;
    instance.addContentTypeParser(type, (request, payload, done) => {
      if (request.method === 'POST' && request.url.split('?')[0] === uploadPath) {
        done(null, payload);
        return;
      }
      const error = Object.assign(new Error(`Unsupported Media Type: ${type}`), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
      done(error, undefined);
    });
  }
}

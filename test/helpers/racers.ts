import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { fetchFrom } from './from-address';

/**
 * `count` clients acting for one caller (the same session token, or none), each sending its own HTTP request on a
 * connection of its own: racers that are truly concurrent, never calls batched into one request by one client.
 */
export function racers(url: string, count: number, token?: string): EnrollmentClient[] {
  return Array.from({ length: count }, () => createEnrollmentClient({ url, token, fetch: fetchFrom('127.0.0.1') }));
}

/// <reference types="node" />
/**
 * Browser commands of the application form's news (spread into commands.ts):
 *
 * - `addPhoneGateway`: a region's SMS or WhatsApp gateway plugged in for an agency, as
 *   `loket-server webhooks add` does (a signed webhook endpoint taking every event); its id;
 * - `removePhoneGateway`: that endpoint removed again, so other tests find no gateway;
 * - `serverSendsNoMail`: the calling test's frame gets the real server's news channels with
 *   `email: false`, as a server without LOKET_SMTP_URL answers (news-channels.test.ts checks
 *   that server); `clearNetworkFaults` ends it.
 */
/// <reference types="@vitest/browser-playwright" />
import type { BrowserCommand } from 'vitest/node';
import { addEndpoint, removeEndpoint } from '../../server/src/notifications/webhook-endpoints.js';
import { testServer } from './api-server.js';

const addPhoneGateway: BrowserCommand<[region: string, agency: string]> = async (_ctx, region, agency) => {
  const endpoint = await addEndpoint(
    testServer().db,
    { agency_id: agency, region_code: region, url: 'https://gateway.example/loket', created_by: 'test' },
    { allowPrivate: false, now: new Date() },
  );
  return endpoint.id;
};

const removePhoneGateway: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await removeEndpoint(testServer().db, id);
};

const serverSendsNoMail: BrowserCommand<[]> = async (ctx) => {
  const frame = await ctx.frame();
  await ctx.page.route(
    (href) => href.pathname === '/v1/news-channels',
    async (route) => {
      if (route.request().frame() !== frame) return route.fallback();
      const response = await route.fetch();
      const json = { ...(await response.json()), email: false };
      await route.fulfill({ response, json });
    },
  );
};

export const newsCommands = { addPhoneGateway, removePhoneGateway, serverSendsNoMail };

declare module 'vitest/browser' {
  interface BrowserCommands {
    addPhoneGateway(region: string, agency: string): Promise<string>;
    removePhoneGateway(id: string): Promise<void>;
    serverSendsNoMail(): Promise<void>;
  }
}

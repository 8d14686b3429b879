/**
 * The facts the public-record view needs besides the metrics: which regional group hosted each
 * meeting, and how many sessions and people stand behind each year of the session-page figures.
 */
import type { RegionalGroup } from '$lib/domain/regional-groups.ts';
import { withConnection } from '../db.ts';
import hostGroupsSql from './host-groups.sql?raw';
import sessionPageTotalsSql from './session-page-totals.sql?raw';

export interface HostYear {
  year: number;
  city: string | null;
  host_iso3: string | null;
  host_group: RegionalGroup | null;
}

export interface SessionPageTotals {
  year: number;
  sessions: number;
  people: number;
  people_with_group: number;
}

export async function hostGroups(): Promise<HostYear[]> {
  return withConnection(async (conn) => {
    const rows = (await conn.runAndReadAll(hostGroupsSql)).getRowObjectsJS();
    return rows.map((r) => ({
      year: Number(r.year),
      city: (r.city as string | null) ?? null,
      host_iso3: (r.host_iso3 as string | null) ?? null,
      host_group: (r.host_group as RegionalGroup | null) ?? null
    }));
  });
}

export async function sessionPageTotals(source: string): Promise<SessionPageTotals[]> {
  return withConnection(async (conn) => {
    const rows = (await conn.runAndReadAll(sessionPageTotalsSql, { source })).getRowObjectsJS();
    return rows.map((r) => ({
      year: Number(r.year),
      sessions: Number(r.sessions),
      people: Number(r.people),
      people_with_group: Number(r.people_with_group)
    }));
  });
}

import type { ProjectInfo } from '../contract';
import type { OpenProject } from './projectFile';
import { projectNameOf } from './projectTarget';
import { FORMAT_VERSION } from './schema';

/**
 * The summary the UI shows for an open project: groups present and table sizes. It reads the
 * imported tables only, so it does not wait for the derived tables (the first screen of a project
 * just opened or imported into comes before they are built).
 */
export async function projectSummary(project: OpenProject): Promise<ProjectInfo> {
  return project.db.useUnprepared(async (sql) => {
    const groups = await sql.all<{ group_name: string }>(
      `SELECT group_name FROM memberships
       UNION SELECT group_name FROM messages WHERE group_name IS NOT NULL
       ORDER BY group_name`,
    );
    const counts = await sql.one<{ memberships: number; messages: number; people: number }>(
      `SELECT (SELECT count(*) FROM memberships)::INTEGER AS memberships,
              (SELECT count(*) FROM messages)::INTEGER AS messages,
              (SELECT count(DISTINCT member_id) FROM memberships)::INTEGER AS people`,
    );
    return {
      path: project.path,
      name: projectNameOf(project.path),
      formatVersion: FORMAT_VERSION,
      timeZone: project.timeZone,
      groups: groups.map((g) => g.group_name),
      counts: counts ?? { memberships: 0, messages: 0, people: 0 },
      isReadOnly: project.db.isReadOnly,
      ...(project.heldBy ? { heldBy: { user: project.heldBy.user, host: project.heldBy.host, since: project.heldBy.since } } : {}),
    };
  });
}

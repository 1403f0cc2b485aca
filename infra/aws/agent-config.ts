/**
 * The CloudWatch agent's configuration on the box: which files go to which
 * log group. CloudWatch turns the EMF lines into metrics by itself (ADR 008);
 * the agent only ships the file. The app runs in Docker, so its stdout is in
 * Docker's JSON log files, and its data folder is the kapatiran-data volume.
 */
export const DOCKER_DATA_VOLUME = "/var/lib/docker/volumes/kapatiran-data/_data";
/** EMF_FILE's default (DATA_DIR/logs/emf.log) as the box sees it from outside the container. */
export const EMF_FILE_ON_BOX = `${DOCKER_DATA_VOLUME}/logs/emf.log`;

export interface LogGroupNames {
  app: string;
  emf: string;
  nginx: string;
  system: string;
}

export function agentConfig(groups: LogGroupNames) {
  const file = (path: string, group: string) => ({
    file_path: path,
    log_group_name: group,
    log_stream_name: "{instance_id}",
    // The stack makes these groups with 90 days; the same here, should the agent ever make one.
    retention_in_days: 90,
  });
  return {
    agent: { metrics_collection_interval: 60, run_as_user: "root" },
    logs: {
      logs_collected: {
        files: {
          collect_list: [
            file(EMF_FILE_ON_BOX, groups.emf),
            file("/var/lib/docker/containers/*/*-json.log", groups.app),
            file("/var/log/nginx/kapatiran.access.log", groups.nginx),
            file("/var/log/nginx/error.log", groups.nginx),
            file("/var/log/unattended-upgrades/unattended-upgrades.log", groups.system),
            file("/var/log/postgresql/postgresql-15-main.log", groups.system),
          ],
        },
      },
    },
  };
}

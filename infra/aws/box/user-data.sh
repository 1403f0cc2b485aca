#!/bin/bash
# First boot of the Kapatiran box (Debian 12): Docker for the app image,
# nginx in front of the blue and green slots, PostgreSQL 15, unattended
# security updates, the SSM agent (no SSH: operators use Session Manager and
# deploys arrive through SSM Run Command), the CloudWatch agent, and the
# daily backup timer. Words in double underscores are filled in by the CDK
# stack (infra/aws/box.ts) when it synthesizes the template.
set -euxo pipefail
export DEBIAN_FRONTEND=noninteractive
REGION=__REGION__
# "yes" on the single box; "no" with the scaling option (the database is RDS then).
LOCAL_DATABASE=__LOCAL_DATABASE__

apt-get update
apt-get install -y ca-certificates curl unzip gnupg nginx unattended-upgrades apt-listchanges \
  docker.io awscli logrotate jq
if [ "$LOCAL_DATABASE" = yes ]; then apt-get install -y postgresql-15; fi

# Security updates every day, reboot at 03:00 Manila time if a kernel needs it.
cat >/etc/apt/apt.conf.d/20auto-upgrades <<'CONF'
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
CONF
cat >/etc/apt/apt.conf.d/52kapatiran-upgrades <<'CONF'
Unattended-Upgrade::Automatic-Reboot "true";
Unattended-Upgrade::Automatic-Reboot-Time "19:00";
CONF
systemctl enable --now unattended-upgrades

# Session Manager and Run Command: Debian's image does not ship the SSM agent.
curl -fsSL -o /tmp/ssm.deb "https://s3.${REGION}.amazonaws.com/amazon-ssm-${REGION}/latest/debian_amd64/amazon-ssm-agent.deb"
dpkg -i /tmp/ssm.deb
systemctl enable --now amazon-ssm-agent

# Docker writes each container's stdout to JSON files the CloudWatch agent tails.
cat >/etc/docker/daemon.json <<'CONF'
{ "log-driver": "json-file", "log-opts": { "max-size": "50m", "max-file": "5" } }
CONF
systemctl enable docker
systemctl restart docker

# PostgreSQL 15 listens on loopback only (Debian's default); the app's role and database.
# Migration 0001 makes the migrating role a member of kapatiran_app, the role requests run
# as: made here with the admin option, so the app's role needs no CREATEROLE. Backups use a
# role of their own: the tenant tables force row-level security, which the app's role must
# obey and pg_dump must not (BYPASSRLS, read-only). Restores use a third: it may create
# databases and bypass row-level security, and is a member of kapatiran so that what it
# restores can be handed to kapatiran (scripts/backups/postgres.ts) — no superuser anywhere.
# Passwords are made here, once, and written only into the root-only app.env and backup.env
# (tracing off, so they never reach the boot log).
APP_DATABASE_URL=""
BACKUP_DATABASE_URL=""
RESTORE_DATABASE_URL=""
if [ "$LOCAL_DATABASE" = yes ]; then
  systemctl enable --now postgresql
  if ! sudo -u postgres psql -tc "select 1 from pg_roles where rolname = 'kapatiran'" | grep -q 1; then
    set +x
    APP_DB_PASSWORD=$(openssl rand -hex 24)
    BACKUP_DB_PASSWORD=$(openssl rand -hex 24)
    RESTORE_DB_PASSWORD=$(openssl rand -hex 24)
    sudo -u postgres psql -v ON_ERROR_STOP=1 <<SQL
create role kapatiran login password '$APP_DB_PASSWORD';
create role kapatiran_app nologin nosuperuser nobypassrls;
grant kapatiran_app to kapatiran with admin option;
create role kapatiran_backup login bypassrls password '$BACKUP_DB_PASSWORD' in role pg_read_all_data;
create role kapatiran_restore login createdb bypassrls password '$RESTORE_DB_PASSWORD' in role kapatiran;
SQL
    APP_DATABASE_URL="postgres://kapatiran:$APP_DB_PASSWORD@127.0.0.1:5432/kapatiran"
    BACKUP_DATABASE_URL="postgres://kapatiran_backup:$BACKUP_DB_PASSWORD@127.0.0.1:5432/kapatiran"
    RESTORE_DATABASE_URL="postgres://kapatiran_restore:$RESTORE_DB_PASSWORD@127.0.0.1:5432/postgres"
    set -x
  fi
  sudo -u postgres psql -tc "select 1 from pg_database where datname = 'kapatiran'" | grep -q 1 ||
    sudo -u postgres createdb -O kapatiran kapatiran
fi

# Node.js for the operators' tools (scripts/deploy, rollback, smoke: bundles copied out of
# each release's image into /opt/kapatiran/tools by .github/scripts/deploy-on-box).
# Debian 12's nodejs is 18; the tools are built for 20 and later: the official LTS build.
NODE_VERSION=24.11.1
curl -fsSL "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" -o /tmp/node.tar.xz
tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1 --no-same-owner
install -d -m 0755 /opt/kapatiran

# nginx in front of the two slots: the repository's site (infra/nginx/kapatiran.conf), and an
# upstream pointing at blue until the first deploy writes its own.
cat >/etc/nginx/sites-available/kapatiran.conf <<'FILE'
__NGINX_SITE__
FILE
ln -sf /etc/nginx/sites-available/kapatiran.conf /etc/nginx/sites-enabled/kapatiran.conf
rm -f /etc/nginx/sites-enabled/default
test -f /etc/nginx/kapatiran-upstream.conf || echo "server 127.0.0.1:3001 max_fails=0;" >/etc/nginx/kapatiran-upstream.conf

# Where the deploy keeps releases, state and the app's env file (scripts/deploy).
# nginx's workers (www-data) serve /build/ from assets/: they may pass through DEPLOY_ROOT and read
# there, nothing else (app.env is 0600, backups/ root-only).
install -d -m 0711 /srv/kapatiran
install -d -m 0755 /srv/kapatiran/assets
install -d -m 0700 /srv/kapatiran/backups
test -f /srv/kapatiran/app.env || cat >/srv/kapatiran/app.env <<'CONF'
# The app's settings (README, Configuration). Fill in the secrets with Session Manager; never commit them.
NODE_ENV=production
AWS_REGION=__REGION__
# "yes" on the single box; "no" with the scaling option (the database is RDS then).
LOCAL_DATABASE=__LOCAL_DATABASE__
DATA_DIR=/var/lib/kapatiran
S3_BUCKET=__UPLOADS_BUCKET__
CDN_URL=https://__DOMAIN__
APP_URL=https://__DOMAIN__
COGNITO_USER_POOL_ID=__USER_POOL_ID__
COGNITO_CLIENT_ID=__USER_POOL_CLIENT_ID__
COGNITO_DOMAIN=__COGNITO_DOMAIN__
BACKUP_BUCKET=__BACKUPS_BUCKET__
# CloudFront, the load balancer and nginx each add to X-Forwarded-For (server/app.ts).
TRUST_PROXY_HOPS=3
# Two app processes per slot: one Node thread uses one of the two vCPUs (server/workers.ts, ADR 013).
WEB_CONCURRENCY=2
CONF
# The database addresses with the passwords made above. The backup role's goes into a file of its
# own, given only to backup runs (never to the app's containers: the app must not hold a credential
# that row-level security does not bind).
set +x
if [ -n "$APP_DATABASE_URL" ]; then printf 'DATABASE_URL=%s\n' "$APP_DATABASE_URL" >>/srv/kapatiran/app.env; fi
if [ -n "$BACKUP_DATABASE_URL" ]; then
  printf 'BACKUP_DATABASE_URL=%s\nRESTORE_DATABASE_URL=%s\nRESTORE_OWNER=kapatiran\n' "$BACKUP_DATABASE_URL" "$RESTORE_DATABASE_URL" >/srv/kapatiran/backup.env
fi
set -x
touch /srv/kapatiran/backup.env
chmod 0600 /srv/kapatiran/backup.env
chmod 0600 /srv/kapatiran/app.env
# The deploy tools' own settings (scripts/delivery/config.ts reads them under the environment):
# the slots join the host's network, where PostgreSQL listens on loopback (3001/3002 stay closed
# to the world by the security group); the backup before every deploy is the full scripts/backup
# of the release being deployed, to the backups bucket ($RELEASE is filled in by the deploy).
test -f /srv/kapatiran/deploy.env || cat >/srv/kapatiran/deploy.env <<'CONF'
DEPLOY_DOCKER_NETWORK=host
DEPLOY_IMAGE=__IMAGE_REPOSITORY__
BACKUP_COMMAND=docker run --rm --network host --env-file /srv/kapatiran/app.env --env-file /srv/kapatiran/backup.env -v kapatiran-data:/var/lib/kapatiran __IMAGE_REPOSITORY__:$RELEASE node build/scripts/backup.js
CONF

# The CloudWatch agent: the app's EMF lines, its logs and nginx's, into 90-day log groups.
curl -fsSL -o /tmp/cwagent.deb https://amazoncloudwatch-agent.s3.amazonaws.com/debian/amd64/latest/amazon-cloudwatch-agent.deb
dpkg -i /tmp/cwagent.deb
install -d /opt/aws/amazon-cloudwatch-agent/etc
cat >/opt/aws/amazon-cloudwatch-agent/etc/kapatiran.json <<'CONF'
__AGENT_CONFIG__
CONF
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \
  -c file:/opt/aws/amazon-cloudwatch-agent/etc/kapatiran.json

# The EMF file grows by about 1 KB a minute: rotate weekly, the agent follows (ADR 008).
cat >/etc/logrotate.d/kapatiran-emf <<'CONF'
__EMF_FILE__ {
  weekly
  rotate 4
  compress
  missingok
  notifempty
  copytruncate
}
CONF

# Backups (docs/runbooks/backup.md): the files of infra/box/ as the repository had them when this
# stack was synthesized — the daily logical backup's and pgBackRest's systemd units, pgBackRest's
# configuration and PostgreSQL's WAL archiving. With the scaling option RDS keeps the backups instead.
if [ "$LOCAL_DATABASE" = yes ]; then
  apt-get install -y pgbackrest
  install -d -o postgres -g postgres -m 0750 /var/spool/pgbackrest /var/log/pgbackrest
__BACKUP_FILES__
  test -f /etc/pgbackrest.conf && chown postgres:postgres /etc/pgbackrest.conf && chmod 0640 /etc/pgbackrest.conf
  systemctl restart postgresql
  # The stanza needs the bucket through the instance role; if IAM is not ready yet, the runbook says how to redo it.
  sudo -u postgres pgbackrest --stanza=kapatiran stanza-create && sudo -u postgres pgbackrest --stanza=kapatiran check &&
    sudo -u postgres pgbackrest --stanza=kapatiran --type=full backup ||
    echo "pgBackRest stanza not created yet: run it again (docs/runbooks/backup.md)"
  systemctl daemon-reload
  for timer in __BACKUP_TIMERS__; do systemctl enable --now "$timer"; done
fi

systemctl enable --now nginx

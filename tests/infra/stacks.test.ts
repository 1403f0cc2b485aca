import fs from "node:fs";
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { EMF_FILE_ON_BOX } from "../../infra/aws/agent-config";
import { boxFiles, nginxSite } from "../../infra/aws/box";
import { alarmName, BUDGET_WARNINGS } from "../../infra/aws/monitoring";
import { cloudWatchAlarms } from "../../app/ops/cloudwatch-alarms";
import { EMF_METRICS, EMF_NAMESPACE } from "../../app/ops/emf-metrics";
import { resources, synth, taggableResources, text } from "./synth";

/**
 * The infrastructure of issue 10, point 4, checked property by property on
 * the synthesized templates (no AWS account: synth is offline).
 */
let built: ReturnType<typeof synth>;
beforeAll(() => {
  built = synth();
}, 120_000);

const production = () => built.stacks.production;
const template = () => production().template;
const ingressRules = (env: "staging" | "production" = "production") => {
  const t = built.stacks[env].template;
  const inline = resources(t, "AWS::EC2::SecurityGroup").flatMap(([id, p]) => (p.SecurityGroupIngress ?? []).map((rule: object) => ({ group: id, ...rule })));
  const separate = resources(t, "AWS::EC2::SecurityGroupIngress").map(([, p]) => ({ group: JSON.stringify(p.GroupId), ...p }));
  return [...inline, ...separate] as Record<string, any>[];
};
const groupId = (logicalPrefix: string) => resources(template(), "AWS::EC2::SecurityGroup").find(([id]) => id.startsWith(logicalPrefix))![0];

describe("infrastructure (AWS CDK), synthesized offline", () => {
  it("makes a main stack and a us-east-1 edge stack for each of staging and production, in the settings' account and region", () => {
    for (const env of ["staging", "production"] as const) {
      const { main, edge, settings } = built.stacks[env];
      expect(main.region).toBe("ap-southeast-1");
      expect(main.account).toBe(settings.account);
      expect(edge.region).toBe("us-east-1");
    }
    expect(built.stacks.staging.settings.domainName).not.toBe(built.stacks.production.settings.domainName);
  });

  it("synthesizes the same template every time (no lookups, nothing random)", () => {
    const again = synth();
    expect(again.stacks.production.template.toJSON()).toEqual(template().toJSON());
    expect(again.stacks.production.edgeTemplate.toJSON()).toEqual(production().edgeTemplate.toJSON());
  });

  it("has a VPC over two zones with public and isolated subnets and no NAT gateway", () => {
    template().resourceCountIs("AWS::EC2::VPC", 1);
    template().resourceCountIs("AWS::EC2::NatGateway", 0);
    expect(resources(template(), "AWS::EC2::Subnet")).toHaveLength(4);
  });

  it("lets only HTTPS into the load balancer and only the load balancer into the instance", () => {
    const loadBalancer = groupId("LoadBalancerSecurityGroup");
    const app = groupId("AppSecurityGroup");
    const rules = ingressRules();
    const intoLoadBalancer = rules.filter((rule) => rule.group === loadBalancer);
    expect(intoLoadBalancer).toEqual([expect.objectContaining({ CidrIp: "0.0.0.0/0", FromPort: 443, ToPort: 443, IpProtocol: "tcp" })]);
    const intoApp = rules.filter((rule) => rule.group.includes(app));
    expect(intoApp).toHaveLength(1);
    expect(intoApp[0]).toMatchObject({ FromPort: 80, ToPort: 80, SourceSecurityGroupId: { "Fn::GetAtt": [loadBalancer, "GroupId"] } });
  });

  it("opens no SSH port anywhere and gives the instance no key pair: Session Manager instead", () => {
    for (const env of ["staging", "production"] as const) {
      for (const rule of ingressRules(env)) {
        const from = rule.FromPort ?? 0;
        const to = rule.ToPort ?? 65535;
        expect(from <= 22 && 22 <= to, JSON.stringify(rule)).toBe(false);
        expect(rule.IpProtocol).not.toBe("-1");
      }
    }
    const [[, box]] = resources(template(), "AWS::EC2::Instance") as [[string, Record<string, any>]];
    expect(box.KeyName).toBeUndefined();
    const roles = resources(template(), "AWS::IAM::Role").map(([, p]) => JSON.stringify(p.ManagedPolicyArns ?? []));
    expect(roles.some((arns) => arns.includes("AmazonSSMManagedInstanceCore") && arns.includes("CloudWatchAgentServerPolicy"))).toBe(true);
  });

  it("runs one t3.medium with an encrypted gp3 volume and IMDSv2", () => {
    template().hasResourceProperties("AWS::EC2::Instance", {
      InstanceType: "t3.medium",
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: Match.objectLike({ Encrypted: true, VolumeType: "gp3" }) }],
    });
    template().resourceCountIs("AWS::EC2::Instance", 1);
    template().hasResourceProperties("AWS::EC2::LaunchTemplate", { LaunchTemplateData: Match.objectLike({ MetadataOptions: { HttpTokens: "required" } }) });
  });

  it("sets the box up with Docker, nginx, PostgreSQL 15, security updates, the SSM and CloudWatch agents and the backup timer", () => {
    const [[, box]] = resources(template(), "AWS::EC2::Instance") as [[string, Record<string, any>]];
    const script = text(box.UserData);
    for (const part of ["docker.io", "nginx", "postgresql-15", "unattended-upgrades", 'Unattended-Upgrade "1"', "amazon-ssm-agent", "amazon-cloudwatch-agent", "LOCAL_DATABASE=yes"]) {
      expect(script).toContain(part);
    }
    // The agent tails the EMF file and the app's logs into the stack's log groups.
    expect(script).toContain(EMF_FILE_ON_BOX);
    for (const group of ["/kapatiran/production/emf", "/kapatiran/production/app", "/kapatiran/production/nginx"]) expect(script).toContain(`"log_group_name":"${group}"`);
    // The backup files of infra/box/ are written out, the stack's names filled in, and the timers enabled.
    const files = boxFiles();
    const timers = files.filter((file) => file.name.endsWith(".timer")).map((file) => file.name);
    expect(timers, "infra/box/ has the daily backup timer (scripts/backup)").toContain("kapatiran-backup.timer");
    expect(timers, "and the daily retention jobs (npm run retention)").toContain("kapatiran-retention.timer");
    for (const file of files) expect(script).toContain(`cat >${file.destination} <<'FILE'`);
    expect(script).toContain(`for timer in ${timers.join(" ")}; do systemctl enable --now`);
    expect(files.map((file) => file.destination)).toEqual(expect.arrayContaining(["/etc/pgbackrest.conf", "/etc/systemd/system/kapatiran-backup.service"]));
    expect(script).toContain("apt-get install -y pgbackrest");
    // The nginx site in front of blue and green is the repository's own file, and Node.js runs the deploy tools.
    expect(script).toContain(nginxSite());
    expect(nginxSite()).toContain("location /build/");
    expect(script).toContain("include /etc/nginx/kapatiran-upstream.conf;");
    expect(script).toMatch(/nodejs\.org\/dist\/v\$\{NODE_VERSION\}/);
    // pg_dump connects as a read-only role that row-level security does not filter.
    expect(script).toContain("create role kapatiran_backup login bypassrls password '$BACKUP_DB_PASSWORD' in role pg_read_all_data");
    expect(script).toContain('BACKUP_DATABASE_URL="postgres://kapatiran_backup:$BACKUP_DB_PASSWORD@127.0.0.1');
    // The backup role's address is given to backup runs only, never to the app's containers.
    expect(script).toMatch(/printf 'BACKUP_DATABASE_URL=%s\\n[^']*' "\$BACKUP_DATABASE_URL" "\$RESTORE_DATABASE_URL" >\/srv\/kapatiran\/backup\.env/);
    expect(script).not.toMatch(/RESTORE_DATABASE_URL[^\n]*>>\/srv\/kapatiran\/app\.env/);
    // Restores run as a role that may create databases and hands what it made to kapatiran (tests/backups/least-privilege.test.ts).
    expect(script).toContain("create role kapatiran_restore login createdb bypassrls password '$RESTORE_DB_PASSWORD' in role kapatiran;");
    expect(script).toContain("RESTORE_OWNER=kapatiran");
    expect(script).not.toMatch(/BACKUP_DATABASE_URL[^\n]*>>\/srv\/kapatiran\/app\.env/);
    // Migration 0001 grants kapatiran_app to the migrating role: it holds it with the admin option.
    expect(script).toContain("grant kapatiran_app to kapatiran with admin option");
    // Passwords never reach the boot log: tracing is off around them.
    const made = script.indexOf("APP_DB_PASSWORD=$(openssl rand");
    expect(script.lastIndexOf("set +x", made)).toBeGreaterThan(script.lastIndexOf("set -x", made));
    // The deploy tools find the image repository and the host network in deploy.env.
    expect(script).toContain("DEPLOY_DOCKER_NETWORK=host");
    // The backup before every deploy is the full one, to the bucket, from the release's own image.
    expect(script).toMatch(/BACKUP_COMMAND=docker run .*--env-file \/srv\/kapatiran\/backup\.env .*:\$RELEASE node build\/scripts\/backup\.js/);
    expect(files.find((file) => file.name === "kapatiran-backup.service")?.text).toContain("docker exec --env-file /srv/kapatiran/backup.env");
    expect(JSON.stringify(box.UserData)).toMatch(/DEPLOY_IMAGE=",\{"Fn::Select"|DEPLOY_IMAGE=",\{"Fn::|DEPLOY_IMAGE=[0-9]/);
    // EC2 refuses user data over 16 KB.
    expect(Buffer.byteLength(script)).toBeLessThan(16 * 1024);
    expect(script).not.toMatch(/__[A-Z_]+__/);
    expect(JSON.stringify(box.UserData)).toMatch(/repo1-s3-bucket=",\{"Ref":"Backups[0-9A-F]+"\}/);
    // pgBackRest reaches the bucket in the stack's own region, whichever that is: none is written in the file.
    expect(files.find((file) => file.name === "pgbackrest.conf")?.text).not.toMatch(/[a-z]{2}-[a-z]+-\d/);
    expect(script).toContain("repo1-s3-region=ap-southeast-1");
    expect(script).toContain("repo1-s3-endpoint=s3.ap-southeast-1.amazonaws.com");
  });

  it("recovers the instance when its system status check fails", () => {
    const [[, alarm]] = resources(template(), "AWS::CloudWatch::Alarm").filter(([, a]) => a.MetricName === "StatusCheckFailed_System") as [[string, Record<string, any>]];
    expect(alarm).toMatchObject({ Namespace: "AWS/EC2", Statistic: "Maximum", Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    expect(alarm.Dimensions).toEqual([{ Name: "InstanceId", Value: { Ref: expect.stringMatching(/^Box/) } }]);
    expect(alarm.AlarmActions.map(text)).toContain('arn:{"Ref":"AWS::Partition"}:automate:ap-southeast-1:ec2:recover');
  });

  it("puts an Application Load Balancer with an ACM certificate on 443 in front of the instance", () => {
    template().hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", { Scheme: "internet-facing", Type: "application" });
    template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", { Port: 443, Protocol: "HTTPS", Certificates: [{ CertificateArn: Match.anyValue() }] });
    template().resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
    template().hasResourceProperties("AWS::CertificateManager::Certificate", { DomainName: "origin.kapatiran.example", ValidationMethod: "DNS" });
    template().hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", { Port: 80, HealthCheckPath: "/healthz", TargetType: "instance" });
  });

  it("caches /build/* for a year at CloudFront and never the pages", () => {
    const [[, distribution]] = resources(template(), "AWS::CloudFront::Distribution") as [[string, Record<string, any>]];
    const config = distribution.DistributionConfig;
    expect(config.Aliases).toEqual(["kapatiran.example"]);
    // The managed CachingDisabled policy for everything else: pages are personal.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const [build] = config.CacheBehaviors;
    expect(build.PathPattern).toBe("/build/*");
    const [[policyId, policy]] = resources(template(), "AWS::CloudFront::CachePolicy") as [[string, Record<string, any>]];
    expect(build.CachePolicyId).toEqual({ Ref: policyId });
    const year = 365 * 24 * 3600;
    expect(policy.CachePolicyConfig).toMatchObject({ DefaultTTL: year, MinTTL: year, MaxTTL: year });
    expect(config.ViewerCertificate.SslSupportMethod).toBe("sni-only");
  });

  it("guards CloudFront with WAF: AWS managed rule groups and a rate-based rule", () => {
    const [[, acl]] = resources(production().edgeTemplate, "AWS::WAFv2::WebACL") as [[string, Record<string, any>]];
    expect(acl.Scope).toBe("CLOUDFRONT");
    const groups = acl.Rules.flatMap((rule: any) => (rule.Statement.ManagedRuleGroupStatement ? [rule.Statement.ManagedRuleGroupStatement.Name] : []));
    expect(groups).toEqual(expect.arrayContaining(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"]));
    const rate = acl.Rules.find((rule: any) => rule.Statement.RateBasedStatement);
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: "IP", Limit: 1000 });
    // The distribution uses it (across regions, through the edge stack's exported ARN).
    const [[, distribution]] = resources(template(), "AWS::CloudFront::Distribution") as [[string, Record<string, any>]];
    expect(distribution.DistributionConfig.WebACLId).toBeDefined();
    expect(production().edgeTemplate.toJSON().Resources).toBeDefined();
    production().edgeTemplate.hasResourceProperties("AWS::CertificateManager::Certificate", { DomainName: "kapatiran.example", ValidationMethod: "DNS" });
  });

  it("keeps photos and backups in encrypted S3 buckets with public access blocked and HTTPS enforced", () => {
    const buckets = resources(template(), "AWS::S3::Bucket");
    expect(buckets).toHaveLength(2);
    for (const [, bucket] of buckets) {
      expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe("AES256");
      expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
    const policies = resources(template(), "AWS::S3::BucketPolicy");
    expect(policies).toHaveLength(2);
    for (const [, policy] of policies) {
      expect(policy.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]),
      );
    }
  });

  it("deletes backups after 30 days, leaving pgBackRest's own expiry alone", () => {
    const [[, backups]] = resources(template(), "AWS::S3::Bucket").filter(([id]) => id.startsWith("Backups")) as [[string, Record<string, any>]];
    const expiring = backups.LifecycleConfiguration.Rules.filter((rule: any) => rule.ExpirationInDays);
    expect(expiring).toEqual([expect.objectContaining({ ExpirationInDays: 30, Prefix: "backups/", Status: "Enabled" })]);
    const [[, uploads]] = resources(template(), "AWS::S3::Bucket").filter(([id]) => id.startsWith("Uploads")) as [[string, Record<string, any>]];
    expect(uploads.LifecycleConfiguration).toBeUndefined();
  });

  it("signs people in through a Cognito user pool with Google, the app's client and a hosted domain, the secret kept out of the template", () => {
    template().resourceCountIs("AWS::Cognito::UserPool", 1);
    template().hasResourceProperties("AWS::Cognito::UserPool", { UserPoolTier: "LITE", AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    const [[, google]] = resources(template(), "AWS::Cognito::UserPoolIdentityProvider") as [[string, Record<string, any>]];
    expect(google.ProviderType).toBe("Google");
    expect(google.ProviderDetails.client_id).toBe("example.apps.googleusercontent.com");
    expect(google.ProviderDetails.client_secret).toBe("{{resolve:secretsmanager:kapatiran/production/google-oauth:SecretString:clientSecret::}}");
    template().hasResourceProperties("AWS::Cognito::UserPoolClient", {
      AllowedOAuthFlows: ["code"],
      GenerateSecret: true,
      CallbackURLs: ["https://kapatiran.example/auth/callback"],
      SupportedIdentityProviders: ["Google"],
    });
    template().hasResourceProperties("AWS::Cognito::UserPoolDomain", { Domain: "kapatiran" });
  });

  it("keeps every log group 90 days", () => {
    const groups = resources(template(), "AWS::Logs::LogGroup");
    expect(groups.map(([, g]) => g.LogGroupName).sort()).toEqual(["/kapatiran/production/app", "/kapatiran/production/emf", "/kapatiran/production/nginx", "/kapatiran/production/system"]);
    for (const [, group] of groups) expect(group.RetentionInDays).toBe(90);
  });

  it("makes exactly the alarms of cloudWatchAlarms(), to the operators' SNS topic with an e-mail subscription", () => {
    for (const env of ["production", "staging"] as const) {
      const t = built.stacks[env].template;
      const [topicId] = resources(t, "AWS::SNS::Topic")[0]!;
      const expected = cloudWatchAlarms("TOPIC");
      const made = resources(t, "AWS::CloudWatch::Alarm").filter(([, a]) => a.Metrics);
      expect(made.map(([, a]) => a.AlarmName).sort()).toEqual(expected.map((a) => alarmName(a.AlarmName, env)).sort());
      for (const definition of expected) {
        const [, alarm] = made.find(([, a]) => a.AlarmName === alarmName(definition.AlarmName, env))!;
        expect(alarm.Threshold).toBe(definition.Threshold);
        expect(alarm.EvaluationPeriods).toBe(definition.EvaluationPeriods);
        expect(alarm.DatapointsToAlarm).toBe(definition.DatapointsToAlarm);
        expect(alarm.ComparisonOperator).toBe(definition.ComparisonOperator);
        expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
        expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
        expect(alarm.Metrics.map((m: any) => m.MetricStat?.Metric.MetricName ?? m.Expression)).toEqual(
          definition.Metrics.map((m) => m.MetricStat?.Metric.MetricName ?? m.Expression),
        );
      }
      t.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@kapatiran.example", TopicArn: { Ref: topicId } });
    }
  });

  it("warns by e-mail at 50, 75 and 90 % of the monthly budget", () => {
    const [[, budget]] = resources(template(), "AWS::Budgets::Budget") as [[string, Record<string, any>]];
    expect(budget.Budget).toMatchObject({ BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: 100, Unit: "USD" } });
    expect(budget.NotificationsWithSubscribers.map((n: any) => n.Notification.Threshold)).toEqual([...BUDGET_WARNINGS]);
    expect(BUDGET_WARNINGS).toEqual([50, 75, 90]);
    for (const n of budget.NotificationsWithSubscribers) {
      expect(n.Notification).toMatchObject({ ThresholdType: "PERCENTAGE", NotificationType: "ACTUAL" });
      expect(n.Subscribers).toEqual([{ SubscriptionType: "EMAIL", Address: "ops@kapatiran.example" }]);
    }
  });

  it("points the site's name at CloudFront and the origin's at the load balancer, in the given hosted zone", () => {
    const records = resources(template(), "AWS::Route53::RecordSet");
    expect(records.map(([, r]) => `${r.Type} ${r.Name}`).sort()).toEqual(["A kapatiran.example.", "A origin.kapatiran.example.", "AAAA kapatiran.example."]);
    for (const [, record] of records) {
      expect(record.HostedZoneId).toBe("Z0000000000EXAMPLE");
      expect(record.AliasTarget).toBeDefined();
    }
  });

  it("draws the operations figures on a CloudWatch dashboard from the EMF metrics", () => {
    const [[, dashboard]] = resources(template(), "AWS::CloudWatch::Dashboard") as [[string, Record<string, any>]];
    const body = text(dashboard.DashboardBody);
    expect(body).toContain(`"${EMF_NAMESPACE}"`);
    for (const metric of Object.keys(EMF_METRICS)) expect(body).toContain(`"${metric}"`);
  });

  it("keeps the last 20 images in ECR", () => {
    const [[, repository]] = resources(template(), "AWS::ECR::Repository") as [[string, Record<string, any>]];
    const policy = JSON.parse(repository.LifecyclePolicy.LifecyclePolicyText);
    expect(policy.rules).toEqual([expect.objectContaining({ selection: expect.objectContaining({ countType: "imageCountMoreThan", countNumber: 20 }) })]);
  });

  it("puts the cost-allocation tags on every resource that takes tags", () => {
    for (const env of ["staging", "production"] as const) {
      const { main, edge } = built.stacks[env];
      const tagged = [...taggableResources(main), ...taggableResources(edge)];
      expect(tagged.length).toBeGreaterThan(20);
      for (const resource of tagged) {
        expect(resource.tags, resource.path).toMatchObject({ Project: "Kapatiran", Environment: env });
      }
    }
  });

  it("is the single box by default: no Auto Scaling group, RDS or ElastiCache", () => {
    for (const type of ["AWS::AutoScaling::AutoScalingGroup", "AWS::RDS::DBInstance", "AWS::ElastiCache::ReplicationGroup"]) {
      template().resourceCountIs(type, 0);
    }
  });

  it("has the box's env file point at the stack's buckets and user pool", () => {
    const [[, box]] = resources(template(), "AWS::EC2::Instance") as [[string, Record<string, any>]];
    const script = JSON.stringify(box.UserData);
    expect(script).toContain("S3_BUCKET=");
    expect(script).toContain("BACKUP_BUCKET=");
    expect(script).toMatch(/"Ref":"Uploads[0-9A-F]+"/);
    expect(script).toMatch(/"Ref":"Backups[0-9A-F]+"/);
    expect(script).toMatch(/"Ref":"Users[0-9A-F]+"/);
    expect(fs.existsSync("infra/aws/cdk.json")).toBe(true);
  });
});

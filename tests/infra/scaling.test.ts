import { beforeAll, describe, expect, it } from "vitest";
import { resources, synth, text } from "./synth";

/** The scaling option (off by default): what turning it on adds and takes away. */
let built: ReturnType<typeof synth>;
beforeAll(() => {
  built = synth({ "production.scaling": "true", "production.minInstances": "2", "production.maxInstances": "5" }, ["production"]);
}, 120_000);

describe("infrastructure: the scaling option", () => {
  it("runs the app in an Auto Scaling group behind the same load balancer instead of the single box", () => {
    const t = built.stacks.production.template;
    t.resourceCountIs("AWS::EC2::Instance", 0);
    t.resourceCountIs("AWS::AutoScaling::AutoScalingGroup", 1);
    t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", { MinSize: "2", MaxSize: "5", HealthCheckType: "ELB" });
    t.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
    const [[, launch]] = resources(t, "AWS::EC2::LaunchTemplate") as [[string, Record<string, any>]];
    expect(launch.LaunchTemplateData.BlockDeviceMappings[0].Ebs).toMatchObject({ Encrypted: true, VolumeType: "gp3" });
    // Same first-boot script, without the local database.
    const script = text(launch.LaunchTemplateData.UserData);
    expect(script).toContain("LOCAL_DATABASE=no");
    expect(script).toContain("amazon-cloudwatch-agent");
  });

  it("moves PostgreSQL to RDS (encrypted, private) with a read replica", () => {
    const t = built.stacks.production.template;
    const databases = resources(t, "AWS::RDS::DBInstance");
    expect(databases).toHaveLength(2);
    const [primary] = databases.filter(([, d]) => !d.SourceDBInstanceIdentifier);
    const replicas = databases.filter(([, d]) => d.SourceDBInstanceIdentifier);
    expect(primary![1]).toMatchObject({ Engine: "postgres", StorageEncrypted: true, PubliclyAccessible: false });
    expect(primary![1].EngineVersion).toMatch(/^15/);
    expect(replicas).toHaveLength(1);
    expect(replicas[0]![1].SourceDBInstanceIdentifier).toBeDefined();
  });

  it("moves Redis to ElastiCache, encrypted", () => {
    const t = built.stacks.production.template;
    t.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", { Engine: "redis", AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true });
  });

  it("still opens no SSH and lets the database and Redis be reached only from the app instances", () => {
    const t = built.stacks.production.template;
    const ingress = [
      ...resources(t, "AWS::EC2::SecurityGroup").flatMap(([, p]) => p.SecurityGroupIngress ?? []),
      ...resources(t, "AWS::EC2::SecurityGroupIngress").map(([, p]) => p),
    ];
    for (const rule of ingress) expect((rule.FromPort ?? 0) <= 22 && 22 <= (rule.ToPort ?? 65535)).toBe(false);
    const appGroup = resources(t, "AWS::EC2::SecurityGroup").find(([id]) => id.startsWith("AppSecurityGroup"))![0];
    const data = resources(t, "AWS::EC2::SecurityGroupIngress").filter(([, p]) => [5432, 6379].includes(p.FromPort));
    expect(data).toHaveLength(2);
    for (const [, rule] of data) expect(rule.SourceSecurityGroupId).toEqual({ "Fn::GetAtt": [appGroup, "GroupId"] });
  });
});

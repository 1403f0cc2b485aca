import { Duration, RemovalPolicy, Tags } from "aws-cdk-lib";
import * as autoscaling from "aws-cdk-lib/aws-autoscaling";
import type * as ec2Types from "aws-cdk-lib/aws-ec2";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elasticache from "aws-cdk-lib/aws-elasticache";
import type * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type * as iam from "aws-cdk-lib/aws-iam";
import * as rds from "aws-cdk-lib/aws-rds";
import type * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { EnvironmentSettings } from "./settings";

export interface ScaledOutProps {
  settings: EnvironmentSettings;
  vpc: ec2.IVpc;
  appGroup: ec2.SecurityGroup;
  role: iam.IRole;
  machineImage: ec2Types.IMachineImage;
  userData: ec2.UserData;
  instanceType: ec2.InstanceType;
  rootVolume: ec2.BlockDevice;
  listener: elbv2.ApplicationListener;
  healthCheck: elbv2.HealthCheck;
  topic: sns.ITopic;
}

/**
 * The scaling option (settings.scaling, off by default): for a church that
 * has outgrown one box. The app is stateless — sessions, rate limits and
 * caches in Redis, files in S3 — so it runs as several identical instances
 * in an Auto Scaling group behind the same load balancer; PostgreSQL moves
 * to RDS (with a read replica for reports and failover drills) and Redis to
 * ElastiCache. The instances get the same first-boot script without the
 * local database; DATABASE_URL and REDIS_URL in the env file point at these.
 */
export class ScaledOut extends Construct {
  readonly database: rds.DatabaseInstance;

  constructor(scope: Construct, id: string, props: ScaledOutProps) {
    super(scope, id);
    const { settings, vpc, appGroup } = props;
    const dataSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    const group = new autoscaling.AutoScalingGroup(this, "AppInstances", {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      launchTemplate: new ec2.LaunchTemplate(this, "AppLaunchTemplate", {
        instanceType: props.instanceType,
        machineImage: props.machineImage,
        userData: props.userData,
        role: props.role,
        securityGroup: appGroup,
        blockDevices: [props.rootVolume],
        requireImdsv2: true,
        associatePublicIpAddress: true,
      }),
      minCapacity: settings.minInstances,
      maxCapacity: settings.maxInstances,
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(10),
      }),
      notifications: [{ topic: props.topic }],
    });
    // CI's deploy reaches every app instance of this environment through SSM by this tag.
    Tags.of(group).add("kapatiran-env", settings.name, { applyToLaunchedInstances: true });
    group.scaleOnCpuUtilization("KeepCpuUnder60", { targetUtilizationPercent: 60 });
    props.listener.addTargets("AppInstances", { port: 80, targets: [group], healthCheck: props.healthCheck });

    const databaseGroup = new ec2.SecurityGroup(this, "DatabaseSecurityGroup", { vpc, description: "PostgreSQL, from the app instances only", allowAllOutbound: false });
    databaseGroup.addIngressRule(appGroup, ec2.Port.tcp(5432), "PostgreSQL from the app");
    this.database = new rds.DatabaseInstance(this, "Database", {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15 }),
      instanceType: new ec2.InstanceType("t3.medium"),
      vpc,
      vpcSubnets: dataSubnets,
      securityGroups: [databaseGroup],
      credentials: rds.Credentials.fromGeneratedSecret("kapatiran", { secretName: `kapatiran/${settings.name}/database` }),
      databaseName: "kapatiran",
      storageType: rds.StorageType.GP3,
      allocatedStorage: 50,
      storageEncrypted: true,
      multiAz: true,
      backupRetention: Duration.days(30),
      deletionProtection: true,
      cloudwatchLogsExports: ["postgresql"],
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    new rds.DatabaseInstanceReadReplica(this, "DatabaseReplica", {
      sourceDatabaseInstance: this.database,
      instanceType: new ec2.InstanceType("t3.medium"),
      vpc,
      vpcSubnets: dataSubnets,
      securityGroups: [databaseGroup],
      // Encrypted because its source is: a replica takes the source's encryption.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const redisGroup = new ec2.SecurityGroup(this, "RedisSecurityGroup", { vpc, description: "Redis, from the app instances only", allowAllOutbound: false });
    redisGroup.addIngressRule(appGroup, ec2.Port.tcp(6379), "Redis from the app");
    const subnets = new elasticache.CfnSubnetGroup(this, "RedisSubnets", {
      description: "Kapatiran Redis",
      subnetIds: vpc.selectSubnets(dataSubnets).subnetIds,
    });
    new elasticache.CfnReplicationGroup(this, "Redis", {
      replicationGroupDescription: `Kapatiran ${settings.name}: sessions, rate limits, caches`,
      engine: "redis",
      cacheNodeType: "cache.t3.micro",
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [redisGroup.securityGroupId],
    });
  }
}

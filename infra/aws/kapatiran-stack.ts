import { Duration, RemovalPolicy, SecretValue, Stack, Tags, type App, type StackProps } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecr from "aws-cdk-lib/aws-ecr";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as targets from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as route53 from "aws-cdk-lib/aws-route53";
import * as route53Targets from "aws-cdk-lib/aws-route53-targets";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { agentConfig, EMF_FILE_ON_BOX } from "./agent-config";
import { userDataScript } from "./box";
import { KapatiranEdgeStack } from "./edge-stack";
import { Monitoring } from "./monitoring";
import { ScaledOut } from "./scaling";
import { settingsFor, type EnvironmentName, type EnvironmentSettings } from "./settings";

const STRONG_REFERENCES = "@aws-cdk/core:defaultCrossStackReferences";

/** Backups are kept 30 days (issue 10; scripts/backup prunes the same). */
export const BACKUP_DAYS = 30;
/** ECR keeps this many images: with the Git repository, the weekly code backup. */
export const KEPT_IMAGES = 20;

/**
 * One environment of Kapatiran: the box (or, with the scaling option, an
 * Auto Scaling group with RDS and ElastiCache) behind a load balancer,
 * CloudFront and WAF in front, S3 for photos and backups, Cognito with
 * Google, and what operators watch. Staging and production are two of these
 * with different settings (settings.ts).
 */
export class KapatiranStack extends Stack {
  constructor(scope: Construct, id: string, settings: EnvironmentSettings, edge: KapatiranEdgeStack, props: StackProps = {}) {
    super(scope, id, {
      ...props,
      env: { account: settings.account, region: settings.region },
      crossRegionReferences: true,
      description: `Kapatiran ${settings.name}: church membership portal (issue 10)`,
    });
    const env = settings.name;
    const domain = settings.domainName;
    const originName = `origin.${domain}`;

    // Two zones, because a load balancer needs two; no NAT gateway (the box has a public address but takes
    // traffic only from the load balancer). The isolated subnets hold RDS and Redis with the scaling option.
    const vpc = new ec2.Vpc(this, "Network", {
      availabilityZones: [`${settings.region}a`, `${settings.region}b`],
      natGateways: 0,
      subnetConfiguration: [
        { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: "data", subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });

    const loadBalancerGroup = new ec2.SecurityGroup(this, "LoadBalancerSecurityGroup", {
      vpc,
      description: "Kapatiran load balancer: HTTPS from CloudFront and the world",
      allowAllOutbound: true,
    });
    loadBalancerGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), "HTTPS");
    const appGroup = new ec2.SecurityGroup(this, "AppSecurityGroup", {
      vpc,
      description: "Kapatiran app instances: nginx only from the load balancer; no SSH (Session Manager)",
      allowAllOutbound: true,
    });
    appGroup.addIngressRule(loadBalancerGroup, ec2.Port.tcp(80), "nginx, from the load balancer only");

    const bucket = (name: string, rules: s3.LifecycleRule[] = []) =>
      new s3.Bucket(this, name, {
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        lifecycleRules: rules,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    const uploads = bucket("Uploads");
    // scripts/backup writes under backups/; pgBackRest (under pgbackrest/) expires its own files, and a full
    // backup older than 30 days is still needed for the WAL after it, so the rule leaves that prefix alone.
    const backups = bucket("Backups", [
      { id: "backups-30-days", prefix: "backups/", expiration: Duration.days(BACKUP_DAYS) },
      { id: "unfinished-uploads", abortIncompleteMultipartUploadAfter: Duration.days(7) },
    ]);

    const repository = new ecr.Repository(this, "Images", {
      repositoryName: `kapatiran-${env}`,
      imageScanOnPush: true,
      // A tag is a commit: it never moves, so a rollback gets exactly what was deployed.
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      lifecycleRules: [{ description: `keep the last ${KEPT_IMAGES} images`, maxImageCount: KEPT_IMAGES }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const signIn = this.cognito(settings);
    const monitoring = new Monitoring(this, "Monitoring", settings);

    const role = new iam.Role(this, "AppRole", {
      assumedBy: new iam.ServicePrincipal("ec2.amazonaws.com"),
      description: "Kapatiran app instances: Session Manager, Run Command, CloudWatch agent, the buckets, the images",
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore"),
        iam.ManagedPolicy.fromAwsManagedPolicyName("CloudWatchAgentServerPolicy"),
      ],
    });
    uploads.grantReadWrite(role);
    backups.grantReadWrite(role);
    repository.grantPull(role);
    // Photos are resized and deleted by the app: deletion is part of read-write above.

    const userData = ec2.UserData.custom(
      userDataScript({
        region: settings.region,
        domain,
        localDatabase: !settings.scaling,
        uploadsBucket: uploads.bucketName,
        backupsBucket: backups.bucketName,
        userPoolId: signIn.userPool.userPoolId,
        userPoolClientId: signIn.client.userPoolClientId,
        cognitoDomain: signIn.domain.baseUrl(),
        agentConfig: agentConfig(monitoring.logGroups),
        emfFile: EMF_FILE_ON_BOX,
        imageRepository: repository.repositoryUri,
      }),
    );
    const machineImage = ec2.MachineImage.fromSsmParameter("/aws/service/debian/release/bookworm/latest/amd64", { userData });
    const instanceType = new ec2.InstanceType(settings.instanceType);
    const rootVolume: ec2.BlockDevice = {
      deviceName: "/dev/xvda",
      volume: ec2.BlockDeviceVolume.ebs(settings.volumeGiB, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true }),
    };

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, "Zone", { hostedZoneId: settings.hostedZoneId, zoneName: settings.hostedZoneName });
    const loadBalancerCertificate = settings.loadBalancerCertificateArn
      ? acm.Certificate.fromCertificateArn(this, "OriginCertificate", settings.loadBalancerCertificateArn)
      : new acm.Certificate(this, "OriginCertificate", { domainName: originName, validation: acm.CertificateValidation.fromDns(zone) });

    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      vpc,
      internetFacing: true,
      securityGroup: loadBalancerGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    const listener = loadBalancer.addListener("Https", {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [loadBalancerCertificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
    });
    const healthCheck: elbv2.HealthCheck = { path: "/healthz", healthyHttpCodes: "200", interval: Duration.seconds(15) };

    if (settings.scaling) {
      new ScaledOut(this, "ScaledOut", { settings, vpc, appGroup, role, machineImage, userData, instanceType, rootVolume, listener, healthCheck, topic: monitoring.topic }).node.addDependency(monitoring);
    } else {
      const box = new ec2.Instance(this, "Box", {
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
        instanceType,
        machineImage,
        userData,
        role,
        securityGroup: appGroup,
        blockDevices: [rootVolume],
        requireImdsv2: true,
        detailedMonitoring: false,
      });
      // How CI's deploy (.github/scripts/deploy-on-box, SSM Run Command) finds this environment's box.
      Tags.of(box).add("kapatiran-env", env);
      listener.addTargets("Box", { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, targets: [new targets.InstanceTarget(box)], healthCheck });
      // A failed system status check (the host under the box): AWS moves the box to healthy hardware, disk and address kept.
      const systemCheck = new cloudwatch.Alarm(this, "BoxAutoRecovery", {
        alarmName: `kapatiran-${env}-box-auto-recovery`,
        alarmDescription: "The box's system status check failed: EC2 recovers it onto other hardware",
        metric: new cloudwatch.Metric({
          namespace: "AWS/EC2",
          metricName: "StatusCheckFailed_System",
          dimensionsMap: { InstanceId: box.instanceId },
          statistic: "Maximum",
          period: Duration.minutes(1),
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
      });
      systemCheck.addAlarmAction(new actions.Ec2Action(actions.Ec2InstanceAction.RECOVER));
      systemCheck.addAlarmAction(new actions.SnsAction(monitoring.topic));
      box.node.addDependency(monitoring);
    }

    // CloudFront in front of everything: fingerprinted files under /build/ cached a year; pages never
    // (they are personal, and each carries a CSP nonce).
    const yearLong = new cloudfront.CachePolicy(this, "BuildFilesCachePolicy", {
      cachePolicyName: `kapatiran-${env}-build-a-year`,
      comment: "Fingerprinted /build/ files: the name changes when the content does",
      defaultTtl: Duration.days(365),
      minTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const origin = new origins.HttpOrigin(originName, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY });
    const distribution = new cloudfront.Distribution(this, "Cdn", {
      comment: `Kapatiran ${env}`,
      domainNames: [domain],
      certificate: edge.certificate,
      webAclId: edge.webAclArn,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
        compress: true,
      },
      additionalBehaviors: {
        "/build/*": {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: yearLong,
          compress: true,
        },
      },
    });

    const site = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(distribution));
    new route53.ARecord(this, "SiteA", { zone, recordName: domain, target: site });
    new route53.AaaaRecord(this, "SiteAAAA", { zone, recordName: domain, target: site });
    new route53.ARecord(this, "OriginA", { zone, recordName: originName, target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer)) });
  }

  /** The user pool people sign in through: Google only, the app's client, the hosted sign-in domain. */
  private cognito(settings: EnvironmentSettings) {
    const userPool = new cognito.UserPool(this, "Users", {
      userPoolName: `kapatiran-${settings.name}`,
      // Lite: Google sign-in and the classic hosted UI are all the app uses; the cheapest tier (app/ops/aws-prices.ts).
      featurePlan: cognito.FeaturePlan.LITE,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: cognito.AccountRecovery.NONE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The client secret stays in Secrets Manager (JSON field clientSecret); the template holds only a reference.
    const google = new cognito.UserPoolIdentityProviderGoogle(this, "Google", {
      userPool,
      clientId: settings.googleClientId,
      clientSecretValue: SecretValue.secretsManager(settings.googleClientSecretName, { jsonField: "clientSecret" }),
      scopes: ["openid", "email", "profile"],
      attributeMapping: {
        email: cognito.ProviderAttribute.GOOGLE_EMAIL,
        emailVerified: cognito.ProviderAttribute.other("email_verified"),
        fullname: cognito.ProviderAttribute.GOOGLE_NAME,
      },
    });
    const client = userPool.addClient("App", {
      userPoolClientName: `kapatiran-${settings.name}-app`,
      generateSecret: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.GOOGLE],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`https://${settings.domainName}/auth/callback`],
        logoutUrls: [`https://${settings.domainName}/`],
      },
      preventUserExistenceErrors: true,
    });
    client.node.addDependency(google);
    const domain = userPool.addDomain("HostedDomain", { cognitoDomain: { domainPrefix: settings.cognitoDomainPrefix } });
    return { userPool, client, domain };
  }
}

/** Cost-allocation tags: on every resource that takes tags (activate them once in the Billing console). */
export function tagForCosts(app: App) {
  Tags.of(app).add("Project", "Kapatiran");
  Tags.of(app).add("ManagedBy", "aws-cdk infra/aws");
}

/** Both environments, each with its us-east-1 edge stack, from CDK context (settings.ts). */
export function kapatiranStacks(app: App, environments: EnvironmentName[] = ["staging", "production"]) {
  // The edge stack's certificate and web ACL may not be deleted while the main stack uses them (CDK's
  // "strong" references, said explicitly so CDK does not warn at every synth).
  if (app.node.tryGetContext(STRONG_REFERENCES) === undefined && app.node.children.length === 0) app.node.setContext(STRONG_REFERENCES, "strong");
  tagForCosts(app);
  return environments.map((name) => {
    const settings = settingsFor(name, (key) => app.node.tryGetContext(key));
    const edge = new KapatiranEdgeStack(app, `Kapatiran-${name}-edge`, settings);
    const main = new KapatiranStack(app, `Kapatiran-${name}`, settings, edge);
    // The budget counts only this environment's costs by this tag.
    Tags.of(edge).add("Environment", name);
    Tags.of(main).add("Environment", name);
    return { settings, edge, main };
  });
}

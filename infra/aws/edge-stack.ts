import { Stack, type StackProps } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as route53 from "aws-cdk-lib/aws-route53";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";
import type { EnvironmentSettings } from "./settings";

/**
 * What CloudFront needs from us-east-1, whatever the app's region: its TLS
 * certificate and its WAF web ACL (AWS takes both only from there). The main
 * stack reads them through cross-region references.
 */
export class KapatiranEdgeStack extends Stack {
  readonly certificate: acm.ICertificate;
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: settings.account, region: "us-east-1" }, crossRegionReferences: true });

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, "Zone", {
      hostedZoneId: settings.hostedZoneId,
      zoneName: settings.hostedZoneName,
    });
    this.certificate = new acm.Certificate(this, "SiteCertificate", {
      domainName: settings.domainName,
      validation: acm.CertificateValidation.fromDns(zone),
    });

    const managed = (name: string, priority: number, countInstead: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name,
          ruleActionOverrides: countInstead.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
    });

    const webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      name: `kapatiran-${settings.name}`,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `kapatiran-${settings.name}`, sampledRequestsEnabled: true },
      rules: [
        {
          // One address asking too fast is a script, not a congregation: blocked for a while.
          name: "RateLimitPerAddress",
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: settings.wafRateLimit, aggregateKeyType: "IP" } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: "RateLimitPerAddress", sampledRequestsEnabled: true },
        },
        managed("AWSManagedRulesAmazonIpReputationList", 1),
        // Photo uploads and CSV imports are bigger than the common rules' 8 KB body limit: counted, not blocked
        // (the app caps bodies itself).
        managed("AWSManagedRulesCommonRuleSet", 2, ["SizeRestrictions_BODY"]),
        managed("AWSManagedRulesKnownBadInputsRuleSet", 3),
        managed("AWSManagedRulesSQLiRuleSet", 4),
      ],
    });
    this.webAclArn = webAcl.attrArn;
  }
}

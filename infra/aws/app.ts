/**
 * The CDK app: both environments of Kapatiran (staging, production), each a
 * main stack in ap-southeast-1 and a small us-east-1 stack with CloudFront's
 * certificate and WAF. Run from infra/aws/ with `npx aws-cdk@2 synth` or
 * `deploy Kapatiran-production-edge Kapatiran-production` (cdk.json says how
 * to run this file); settings from settings.ts and `-c key=value`.
 */
import { App } from "aws-cdk-lib";
import { kapatiranStacks } from "./kapatiran-stack";

const app = new App();
kapatiranStacks(app);
app.synth();

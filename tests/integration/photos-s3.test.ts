// First: starts an S3-compatible server and sets S3_* before the app's modules load.
import { s3StorageProbe } from "../support/photo-storage-s3";
import { describePhotos } from "./photos-suite";

// The same member-photo tests with S3_BUCKET set: the AWS SDK against s3rver, path-style.
describePhotos(s3StorageProbe);

// First: points DATA_DIR at a throwaway folder before the app's modules load.
import { localStorageProbe } from "../support/photo-storage-local";
import { describePhotos } from "./photos-suite";

// Member photos with the default storage: files under $DATA_DIR/uploads.
describePhotos(localStorageProbe);

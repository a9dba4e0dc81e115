package io.flextime.rules.model;

import com.google.ortools.Loader;

/**
 * Loads OR-Tools' native library once per process (the holder idiom makes it lazy and thread-safe).
 * The only place that touches {@link Loader}, so a native-image build has one class to register.
 */
public final class OrToolsNatives {
    private OrToolsNatives() {
    }

    private static final class Holder {
        static final boolean LOADED = load();

        private static boolean load() {
            Loader.loadNativeLibraries();
            return true;
        }
    }

    public static void ensureLoaded() {
        if (!Holder.LOADED) {
            throw new IllegalStateException("OR-Tools native libraries not loaded");
        }
    }
}

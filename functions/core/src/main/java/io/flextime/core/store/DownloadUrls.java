package io.flextime.core.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Pre-signed GET URLs for listings that are read far more often than their files change. Signing costs
 * an HMAC chain and a URL build per file (a season's listing signs dozens), so a URL is signed once and
 * handed out again while at least half of its validity is left: every URL given out is valid for at
 * least {@code validity / 2}. The key is the object's bucket and key, which hold the tenant
 * ({@code <tenant>/...}), and a URL is only ever asked for after the caller's tenant was checked (the
 * listing reads its rows under row-level security): nothing crosses tenants.
 */
@ApplicationScoped
public class DownloadUrls {
    private static final long MAX_URLS = 20_000;

    private final ObjectStore store;
    private final Cache<Signed, String> urls = Caffeine.newBuilder().maximumSize(MAX_URLS)
            .expireAfter(Expiry.creating((Signed k, String url) -> k.validity().dividedBy(2))).build();

    public DownloadUrls(ObjectStore store) {
        this.store = store;
    }

    private record Signed(String bucket, String key, Duration validity) {
    }

    /** A GET URL of the object valid for at least {@code validity / 2} from now (at most {@code validity}). */
    public String get(String bucket, String key, Duration validity) {
        return urls.get(new Signed(bucket, key, validity), k -> store.presignGet(k.bucket(), k.key(), k.validity()));
    }
}

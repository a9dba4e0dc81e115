package io.flextime.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's identity provider (the part Cognito or another OIDC provider plays in AWS): one RSA
 * signing key under {@code .flextime/identity/} (git-ignored), its public JWKS beside it for the
 * functions to trust ({@code mp.jwt.verify.publickey.location}), and RS256 tokens carrying {@code sub},
 * the tenant and the roles ({@code groups}). jose4j does the JOSE work (it is also what SmallRye JWT
 * verifies with).
 */
public final class LocalIdentity {
    public static final String ISSUER = "https://flextime.local/identity";
    public static final String AUDIENCE = "flextime";
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLES_CLAIM = "groups";
    static final String KEY_FILE = "signing-key.jwk";
    static final String JWKS_FILE = "jwks.json";

    private final RsaJsonWebKey key;
    private final Path jwks;

    private LocalIdentity(RsaJsonWebKey key, Path jwks) {
        this.key = key;
        this.jwks = jwks;
    }

    /** The identity kept in {@code dir}, created on first use (safe when several processes race to create it). */
    public static LocalIdentity open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyFile = dir.resolve(KEY_FILE);
            if (!Files.exists(keyFile)) {
                RsaJsonWebKey fresh = generate();
                Path tmp = Files.createTempFile(dir, "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, fresh.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                try {
                    Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(tmp);
                }
            }
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(keyFile));
            Path jwks = dir.resolve(JWKS_FILE);
            String publicSet = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            if (!Files.exists(jwks) || !Files.readString(jwks).equals(publicSet)) {
                Path tmp = Files.createTempFile(dir, "jwks", ".tmp");
                Files.writeString(tmp, publicSet);
                Files.move(tmp, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new LocalIdentity(key, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local identity under " + dir, e);
        } catch (JoseException e) {
            throw new IllegalStateException("the signing key under " + dir + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** A key nobody trusts: its tokens carry a valid-looking but wrong signature (tests). */
    public static LocalIdentity untrusted() {
        return new LocalIdentity(generate(), null);
    }

    /** The file the functions trust ({@code file:} URL form for {@code mp.jwt.verify.publickey.location}). */
    public Path jwks() {
        return jwks;
    }

    public Token token(String subject, String tenant, List<String> roles) {
        return new Token(subject, tenant, roles, AUDIENCE, Instant.now(), Duration.ofHours(1));
    }

    /** A token to be signed; the fields have the defaults of a well-formed token and can be changed one by one. */
    public final class Token {
        private final String subject;
        private final String tenant;
        private final List<String> roles;
        private final String audience;
        private final Instant issuedAt;
        private final Duration ttl;

        private Token(String subject, String tenant, List<String> roles, String audience, Instant issuedAt, Duration ttl) {
            this.subject = subject;
            this.tenant = tenant;
            this.roles = List.copyOf(roles);
            this.audience = audience;
            this.issuedAt = issuedAt;
            this.ttl = ttl;
        }

        public Token ttl(Duration value) {
            return new Token(subject, tenant, roles, audience, issuedAt, value);
        }

        public Token audience(String value) {
            return new Token(subject, tenant, roles, value, issuedAt, ttl);
        }

        public Token issuedAt(Instant value) {
            return new Token(subject, tenant, roles, audience, value, ttl);
        }

        public String sign() {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(ttl).getEpochSecond()));
            if (tenant != null) {
                claims.setClaim(TENANT_CLAIM, tenant);
            }
            claims.setStringListClaim(ROLES_CLAIM, roles);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
            }
        }
    }

    private static RsaJsonWebKey generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("flextime-local-" + UUID.randomUUID().toString().substring(0, 8));
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }
}

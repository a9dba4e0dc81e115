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
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's identity provider (the part Cognito or another OIDC provider plays in AWS): an RSA
 * and an EC P-256 signing key under {@code .flextime/identity/} (git-ignored), their public JWKS beside
 * them for the functions to trust ({@code mp.jwt.verify.publickey.location}), and RS256 (default) or
 * ES256 tokens carrying {@code sub}, the tenant and the roles ({@code groups}). jose4j does the JOSE
 * work (it is also what SmallRye JWT verifies with).
 */
public final class LocalIdentity {
    public static final String ISSUER = "https://flextime.local/identity";
    public static final String AUDIENCE = "flextime";
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLES_CLAIM = "groups";
    public static final String RS256 = AlgorithmIdentifiers.RSA_USING_SHA256;
    public static final String ES256 = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
    static final String KEY_FILE = "signing-key.jwk";
    static final String EC_KEY_FILE = "signing-key-es256.jwk";
    static final String JWKS_FILE = "jwks.json";

    private final PublicJsonWebKey rsa;
    private final PublicJsonWebKey ec;
    private final Path jwks;

    private LocalIdentity(PublicJsonWebKey rsa, PublicJsonWebKey ec, Path jwks) {
        this.rsa = rsa;
        this.ec = ec;
        this.jwks = jwks;
    }

    /** The identity kept in {@code dir}, created on first use (safe when several processes race to create it). */
    public static LocalIdentity open(Path dir) {
        try {
            Files.createDirectories(dir);
            PublicJsonWebKey rsa = key(dir.resolve(KEY_FILE), RS256);
            PublicJsonWebKey ec = key(dir.resolve(EC_KEY_FILE), ES256);
            Path jwks = dir.resolve(JWKS_FILE);
            String publicSet = new JsonWebKeySet(rsa, ec).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            if (!Files.exists(jwks) || !Files.readString(jwks).equals(publicSet)) {
                Path tmp = Files.createTempFile(dir, "jwks", ".tmp");
                Files.writeString(tmp, publicSet);
                Files.move(tmp, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new LocalIdentity(rsa, ec, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local identity under " + dir, e);
        } catch (JoseException e) {
            throw new IllegalStateException("the signing key under " + dir + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The key kept in {@code file}, generated on first use; a concurrent creator's key wins the race. */
    private static PublicJsonWebKey key(Path file, String algorithm) throws IOException, JoseException {
        if (!Files.exists(file)) {
            PublicJsonWebKey fresh = generate(algorithm);
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, fresh.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(tmp);
            }
        }
        return (PublicJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(file));
    }

    /** Keys nobody trusts: their tokens carry a valid-looking but wrong signature (tests). */
    public static LocalIdentity untrusted() {
        return new LocalIdentity(generate(RS256), generate(ES256), null);
    }

    /** The file the functions trust ({@code file:} URL form for {@code mp.jwt.verify.publickey.location}). */
    public Path jwks() {
        return jwks;
    }

    public Token token(String subject, String tenant, List<String> roles) {
        return new Token(subject, tenant, roles, AUDIENCE, Instant.now(), Duration.ofHours(1), RS256);
    }

    /** A token to be signed; the fields have the defaults of a well-formed token and can be changed one by one. */
    public final class Token {
        private final String subject;
        private final String tenant;
        private final List<String> roles;
        private final String audience;
        private final Instant issuedAt;
        private final Duration ttl;
        private final String algorithm;

        private Token(String subject, String tenant, List<String> roles, String audience, Instant issuedAt, Duration ttl,
                String algorithm) {
            this.subject = subject;
            this.tenant = tenant;
            this.roles = List.copyOf(roles);
            this.audience = audience;
            this.issuedAt = issuedAt;
            this.ttl = ttl;
            this.algorithm = algorithm;
        }

        public Token ttl(Duration value) {
            return new Token(subject, tenant, roles, audience, issuedAt, value, algorithm);
        }

        public Token audience(String value) {
            return new Token(subject, tenant, roles, value, issuedAt, ttl, algorithm);
        }

        public Token issuedAt(Instant value) {
            return new Token(subject, tenant, roles, audience, value, ttl, algorithm);
        }

        /** {@link #RS256} (the default) or {@link #ES256}. */
        public Token algorithm(String value) {
            if (!value.equals(RS256) && !value.equals(ES256)) {
                throw new IllegalArgumentException("algorithm " + value + ": RS256 or ES256");
            }
            return new Token(subject, tenant, roles, audience, issuedAt, ttl, value);
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
            PublicJsonWebKey key = algorithm.equals(ES256) ? ec : rsa;
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
            }
        }
    }

    private static PublicJsonWebKey generate(String algorithm) {
        try {
            PublicJsonWebKey key = algorithm.equals(ES256) ? EcJwkGenerator.generateJwk(EllipticCurves.P256)
                    : RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("flextime-local-" + (algorithm.equals(ES256) ? "es256-" : "") + UUID.randomUUID().toString().substring(0, 8));
            key.setAlgorithm(algorithm);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }
}

import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// Secrets of the newer `credential` shapes, assembled at run time (see `Planted`).
enum PlantedKeys {
    /// 40 characters of mixed-case base64, shaped like an AWS secret access key.
    static let awsSecret = "q8Xz" + "Lm3vPwR7tY2kB9nD4sHj" + "a/B+c1D2e3F4g5H6"
    /// AWS's documentation example secret: matched, downgraded to a note.
    static let awsExampleSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"
    static let jwtHeader = "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    static let jwtPayload = "ey" + "JzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    static let jwtSignature = "Sfl" + "KxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    static var jwt: String { jwtHeader + "." + jwtPayload + "." + jwtSignature }
    static let google = "AI" + "za" + "SyD3x9Q-k2LmN7pR4tV8wB1cF6hJ0sG5eYu"
    static let stripeBody = "4eC39Hq" + "LyjWDarjtT1zdp7dc"
    static let slackUser = "xo" + "xp-" + "2233445566-7788990011-abcdefABCDEF"
}

/// The rules for AWS secret access keys, JWTs, Google API keys, Stripe live keys and Slack
/// tokens (issue 15, finding 11), with the near misses that must stay clean.
@Suite struct BoundaryKeyRuleTests {
    @Test func plantedShapesAreWellFormed() {
        #expect(PlantedKeys.awsSecret.count == 40)
        #expect(PlantedKeys.awsExampleSecret.count == 40)
        #expect(PlantedKeys.google.count == 39)
    }

    @Test func awsSecretAccessKeyBesideItsNameIsAnError() {
        let secret = PlantedKeys.awsSecret
        for line in [
            "aws_secret_access_key = \(secret)", "AWS_SECRET_ACCESS_KEY=\(secret)", "export AWS_SECRET_ACCESS_KEY=\"\(secret)\"",
            "{\"SecretAccessKey\": \"\(secret)\"}", "secretAccessKey: '\(secret)'", "aws-secret-access-key: \(secret)",
        ] {
            #expect(boundaryRules(line) == ["credential:error"], "\(line)")
        }
    }

    @Test func awsSecretNearMissesAreClean() {
        let secret = PlantedKeys.awsSecret
        for line in [
            "sha \(secret)",  // no name: a 40-character string alone is not a key (git hashes are 40 characters)
            "aws_secret_access_key = \(secret.dropLast())",  // 39 characters
            "aws_secret_access_key = \(secret)Q",  // 41 characters
            "aws_secret_access_key = \(secret.lowercased())",  // one case only: a hash or a word
            "aws_secret_access_key = \(String(repeating: "a1", count: 20))",
            "AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET }}", "set aws_secret_access_key in your profile",
            "secret_key = \(secret)",  // not an access-key name
        ] {
            #expect(boundaryRules(line) == [], "\(line)")
        }
        #expect(boundaryRules("aws_secret_access_key = \(PlantedKeys.awsExampleSecret)") == ["credential:note"])
    }

    @Test func jsonWebTokenIsAnError() {
        #expect(boundaryRules("token: \(PlantedKeys.jwt)") == ["credential:error"])
        #expect(boundaryRules("curl -H 'X-Auth: \(PlantedKeys.jwt)'") == ["credential:error"])
    }

    @Test func jwtNearMissesAreClean() {
        for line in [
            "header \(PlantedKeys.jwtHeader)",  // one segment
            "\(PlantedKeys.jwtHeader).\(PlantedKeys.jwtPayload)",  // two segments
            "\(PlantedKeys.jwtHeader).\(PlantedKeys.jwtPayload).short",  // signature too short
            "\(PlantedKeys.jwtHeader).abcdefghijklmnop.\(PlantedKeys.jwtSignature)",  // payload is not JSON
            "key\(PlantedKeys.jwt)",  // inside a longer word
        ] {
            #expect(boundaryRules(line) == [], "\(line)")
        }
    }

    @Test func googleAPIKeyIsAnError() {
        #expect(boundaryRules("maps_key=\"\(PlantedKeys.google)\"") == ["credential:error"])
        #expect(boundaryRules("key \(PlantedKeys.google)\n") == ["credential:error"])
    }

    @Test func googleNearMissesAreClean() {
        for line in [
            "key \(PlantedKeys.google.dropLast())", "key \(PlantedKeys.google)x", "key x\(PlantedKeys.google)",
            "AI" + "za is a prefix", "AI" + "zawesome",
        ] {
            #expect(boundaryRules(line) == [], "\(line)")
        }
    }

    @Test func stripeLiveKeysAreErrors() {
        #expect(boundaryRules("STRIPE=" + "sk" + "_live_" + PlantedKeys.stripeBody) == ["credential:error"])
        #expect(boundaryRules("key: " + "rk" + "_live_" + PlantedKeys.stripeBody) == ["credential:error"])
    }

    @Test func stripeNearMissesAreCleanOrNotes() {
        for line in [
            "key: " + "sk" + "_test_" + PlantedKeys.stripeBody,  // test mode
            "key: " + "pk" + "_live_" + PlantedKeys.stripeBody,  // publishable, meant to be public
            "live keys start with " + "sk" + "_live_ and are secret",
            "key: " + "sk" + "_live_" + "4eC39HqLy",  // too short
            "key: x" + "sk" + "_live_" + PlantedKeys.stripeBody,  // inside a longer word
        ] {
            #expect(boundaryRules(line) == [], "\(line)")
        }
        #expect(boundaryRules("key: " + "sk" + "_live_" + String(repeating: "x", count: 24)) == ["credential:note"])
    }

    @Test func slackTokensAreErrorsAndLookalikesAreClean() {
        #expect(boundaryRules("SLACK=\(PlantedKeys.slackUser)") == ["credential:error"])
        #expect(boundaryRules("xo" + "xz-" + "2233445566-abcdef") == [])
        #expect(boundaryRules("xo" + "xb-" + "12345") == [])
    }

    @Test func reportsNameTheRuleNeverTheSecret() {
        let text = [
            "aws_secret_access_key = \(PlantedKeys.awsSecret)", PlantedKeys.jwt, PlantedKeys.google,
            "sk" + "_live_" + PlantedKeys.stripeBody, PlantedKeys.slackUser,
        ].joined(separator: "\n")
        let findings = boundaryFindings(text)
        #expect(findings.map(\.rendered) == (1...5).map { "notes.md:\($0): credential" })
        let everything = findings.map { "\($0.rendered) \(JSONWriter().string($0.json))" }.joined()
        for secret in [PlantedKeys.awsSecret, PlantedKeys.jwtSignature, PlantedKeys.google, PlantedKeys.stripeBody] {
            #expect(!everything.contains(secret))
        }
    }
}

import Testing
@testable import LoopXCore

@Suite struct BoundaryLeakRuleTests {
    // MARK: private_doc_url

    @Test func privateDocumentHostsAreErrors() {
        #expect(boundaryRules("see https://acme.\(Planted.larkHost).com/docx/abc") == ["private_doc_url:error"])
        #expect(boundaryRules("spec: https://docs.INTERNAL" + ".example/x") == ["private_doc_url:error"])  // loopx-boundary: allow
    }

    @Test func publicLarkConsoleAndLookalikesAreClean() {
        #expect(boundaryRules("register the app at https://open.\(Planted.larkHost).com/app") == [])
        #expect(boundaryRules("documents internally reviewed; lark office hours") == [])
    }

    // MARK: credential

    @Test func awsAccessKeyIsAnError() {
        #expect(boundaryRules("aws_access_key_id = \(Planted.awsKey)\n") == ["credential:error"])
        #expect(boundaryRules("\"\(Planted.awsKey)\"") == ["credential:error"])
    }

    @Test func awsShapedTextThatIsNotAKeyIsClean() {
        let short = String(Planted.awsKey.dropLast())
        #expect(boundaryRules("id \(short) end") == [])
        #expect(boundaryRules("id X\(Planted.awsKey) end") == [])
        #expect(boundaryRules("id \(Planted.awsKey)Z end") == [])
        #expect(boundaryRules("id \(Planted.awsKey.lowercased()) end") == [])
    }

    @Test func awsDocumentationExampleKeyIsDowngraded() {
        #expect(boundaryRules("AWS_ACCESS_KEY_ID=\(Planted.awsExampleKey)") == ["credential:note"])
    }

    @Test func bearerTokenLiteralIsAnError() {
        #expect(boundaryRules("curl -H 'Authorization: Bearer \(Planted.longToken)' https://api") == ["credential:error"])
        #expect(boundaryRules("Authorization: Basic dXNlcjpwYXNzd29yZA==") == ["credential:error"])  // loopx-boundary: allow
        #expect(boundaryRules("headers: { Authorization: `Bearer \(Planted.longToken)` }") == ["credential:error"])
    }

    @Test func bearerReferencesAreDowngraded() {
        let references = [
            "curl -H \"Authorization: Bearer $API_TOKEN\" https://api",
            "Authorization: Bearer ${{ secrets.DEPLOY_TOKEN }}",
            "Authorization: Bearer <token>",
            "send a Bearer token with each request",
            "headers = {'Authorization': 'Bearer ' + token}",
            "f'Bearer {token}'",
            "headers: { Authorization: `Bearer ${token}` }",
            "Authorization: \"Bearer \" + token",
        ]
        for line in references { #expect(boundaryRules(line) == ["credential:note"], "\(line)") }
    }

    @Test func assignmentLiteralsAreErrors() {
        #expect(boundaryRules("GITHUB_TOKEN=\(Planted.longToken)") == ["credential:error"])
        #expect(boundaryRules("db_password=\"hunter2\"") == ["credential:error"])  // loopx-boundary: allow
        #expect(boundaryRules("https://host/api?access_token=\(Planted.longToken)&x=1") == ["credential:error"])
        #expect(boundaryRules("password=hunter2") == ["credential:error"])  // loopx-boundary: allow
    }

    @Test func assignmentReferencesAreDowngraded() {
        let references = [
            "token=$GITHUB_TOKEN", "token=${GITHUB_TOKEN}", "password=\"${DB_PASSWORD}\"",
            "password=os.environ[\"DB_PASSWORD\"]", "client = Client(token=token)", "api(access_token=args.token)",
            "password=getpass()", "def f(token=None):", "token=<your token>", "password=changeme",
            "token=GITHUB_PERSONAL_ACCESS_TOKEN", "token=\"{{ vault_token }}\"", "password=%DB_PASSWORD%",
            "token=",
        ]
        for line in references { #expect(boundaryRules(line) == ["credential:note"], "\(line)") }
    }

    @Test func keywordsInsideStringsAndCodeSpansAreNotValues() {
        #expect(boundaryRules("let key = \"token=\" + value") == ["credential:note"])  // loopx-boundary: allow
        #expect(boundaryRules("Pass `token=` or `password=` on the command line.") == ["credential:note"])
        #expect(boundaryRules("curl -H \"Authorization: Bearer \\(token)\"") == ["credential:note"])  // loopx-boundary: allow
        #expect(boundaryRules("print(\"password=\\\"${DB_PASSWORD}\\\"\")") == ["credential:note"])  // loopx-boundary: allow
        #expect(boundaryRules("json = \"{\\\"k\\\": 1}\"; s = \"password=\\\"hunter2\\\"\"") == ["credential:error"])  // loopx-boundary: allow
    }

    @Test func shortValuesSchemeNamesAndURLsAreDowngraded() {
        #expect(boundaryRules("curl -H 'Authorization: x'") == ["credential:note"])
        #expect(boundaryRules("Authorization: abc123") == ["credential:note"])
        #expect(boundaryRules("token=abc") == ["credential:note"])
        #expect(boundaryRules("password=\"abc\"") == ["credential:note"])
        #expect(boundaryRules("token=abcd1234") == ["credential:error"])  // loopx-boundary: allow
        #expect(boundaryRules("ResourceEndpoint(default_token='Bearer')") == ["credential:note"])
        #expect(boundaryRules("- Bearer https://tools.ietf.org/html/rfc6750") == ["credential:note"])
        #expect(boundaryRules("# Keep Authorization: headers on a redirect.") == ["credential:note"])
    }

    @Test func comparisonsAreNotAssignments() {
        #expect(boundaryRules("if token==expected: pass") == [])
        #expect(boundaryRules("the password field is required") == [])
    }

    @Test func privateKeyWithMaterialIsAnErrorHeaderAloneIsDowngraded() {
        #expect(boundaryRules("\(Planted.privateKeyHeader)\n\(Planted.keyMaterial)\n") == ["credential:error"])
        #expect(boundaryRules("{\"key\": \"\(Planted.privateKeyHeader)\\n\(Planted.keyMaterial)\"}") == ["credential:error"])
        #expect(boundaryRules("A PEM file starts with `\(Planted.privateKeyHeader)`.\n") == ["credential:note"])
    }

    @Test func serviceTokensAreErrors() {
        let github = "gh" + "p_" + String(repeating: "a1B2c3D4e5", count: 4)
        let slack = "xo" + "xb-" + "1234567890-abcdefghij"
        #expect(boundaryRules("GH=\(github)") == ["credential:error"])
        #expect(boundaryRules("slack: \(slack)") == ["credential:error"])
        #expect(boundaryRules("gh" + "p_" + String(repeating: "x", count: 36)) == ["credential:note"])
    }

    // MARK: local_private_path

    @Test func personalHomeDirectoriesAreErrors() {
        #expect(boundaryRules("open \(Planted.userHome)/Documents/plan.md") == ["local_private_path:error"])
        #expect(boundaryRules("cd \(Planted.linuxHome)/src/app") == ["local_private_path:error"])
        #expect(boundaryRules("file://\(Planted.userHome)/x") == ["local_private_path:error"])
        #expect(boundaryRules("data in /" + "ext_data/set") == ["local_private_path:error"])
    }

    @Test func placeholderAndSharedHomesAreClean() {
        let clean = [
            "/" + "Users/Shared/build", "/" + "home/runner/work/repo", "/" + "Users/<name>/Documents",
            "https://example.com/" + "home/about/", "$HOME/src", "/srv/" + "home/dana/x", "/" + "home/ubuntu/app",
            "WORKDIR /" + "home/app", "/" + "home/jovyan/work",
        ]
        for line in clean { #expect(boundaryRules(line) == [], "\(line)") }
    }

    // MARK: internal_task_id

    @Test func internalTaskIDsAreErrors() {
        #expect(boundaryRules("handled in \(Planted.taskID).") == ["internal_task_id:error"])
    }

    @Test func taskIDLookalikesAreClean() {
        #expect(boundaryRules("t-" + "2025 release") == [])
        #expect(boundaryRules("at-" + "20250101123456-abc") == [])
        #expect(boundaryRules("t-" + "20250101123456-ABC") == [])
        #expect(boundaryRules("t-" + "2025010112345-abc") == [])
    }

    // MARK: private_ip

    @Test func privateAddressesAreErrors() {
        for address in ["10" + ".0.0.1", "172" + ".16.5.4", "172" + ".31.255.255", "192" + ".168.1.10"] {
            #expect(boundaryRules("host \(address):8080") == ["private_ip:error"], "\(address)")
        }
        #expect(boundaryRules("url: http://\(Planted.privateIP)/x") == ["private_ip:error"])
    }

    @Test func publicAddressesAndVersionsAreClean() {
        let clean = [
            "172" + ".15.0.1", "172" + ".32.0.1", "192" + ".169.1.1", "8.8.8.8", "127.0.0.1", "v10" + ".2.3.4",
            "1.10" + ".0.0.1", "10" + ".0.0.1.5", "10" + ".0.0.256", "10" + ".0.1",
        ]
        for text in clean { #expect(boundaryRules("value \(text) end") == [], "\(text)") }
    }

    // MARK: non_public_package_registry

    @Test func lockFileDependenciesFromPrivateRegistriesAreErrors() {
        let lock = """
            {
              "packages": {
                "node_modules/a": { "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz" },
                "node_modules/b": { "resolved": "https://npm.corp.example/b/-/b-2.0.0.tgz" }
              }
            }
            """
        let findings = boundaryFindings(lock, file: "package-lock.json")
        #expect(findings.map(\.rule) == [.nonPublicPackageRegistry])
        #expect(findings.first?.line == 4)
        #expect(boundaryRules(lock, file: "other.json") == [])
    }
}

/** Action input and output names, exactly as in action.yml. */
export const Inputs = {
  Mode: 'mode',
  Dist: 'dist',
  AccessPolicyToken: 'access-policy-token',
  SignatureType: 'signature-type',
  RootUrls: 'root-urls',
  AppUrls: 'app-urls',
  GrafanaComUrl: 'grafana-com-url',
  PublicKeys: 'public-keys',
  ShowSummary: 'show-summary',
  UploadArtifact: 'upload-artifact',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  IfNoToken: 'if-no-token',
  FetchKeys: 'fetch-keys',
  PublicKeyRetrieval: 'public-key-retrieval',
  Package: 'package',
  Retries: 'retries',
  TimeoutSeconds: 'timeout-seconds',
  RouteChecks: 'route-checks',
  SarifFile: 'sarif-file',
} as const;

export const Outputs = {
  Status: 'status',
  SignatureType: 'signature-type',
  SignedByOrg: 'signed-by-org',
  SignedByOrgName: 'signed-by-org-name',
  KeyId: 'key-id',
  PluginId: 'plugin-id',
  PluginVersion: 'plugin-version',
  ManifestPath: 'manifest-path',
  ManifestSha256: 'manifest-sha256',
  FilesCount: 'files-count',
  Findings: 'findings',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  Results: 'results',
  ResultsFile: 'results-file',
  Archive: 'archive',
  ArchiveSha1: 'archive-sha1',
  RouteFindings: 'route-findings',
  RouteErrors: 'route-errors',
} as const;

/** The `findings` output holds at most this many entries (outputs share GitHub's 1 MiB per-step limit). */
export const MAX_FINDINGS_OUTPUT = 500;

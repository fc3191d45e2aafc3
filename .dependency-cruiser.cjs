// The domain boundaries of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser). A domain is a
// folder of app/; routes and components are presentation. What may import what:
//   routes, components → never db
//   content → never db, review, http, publication, auth, routes (pure: parse, check, views)
//   pdf → never db, components, routes, publication, review (pure: documents in, bytes out)
//   offline → never db, review, auth (it copies what publication says is public)
//   no domain → routes
//   no import cycle between modules
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "routes-never-import-the-database", severity: "error", from: { path: "^app/routes/" }, to: { path: "^app/db/" } },
    { name: "components-never-import-the-database", severity: "error", from: { path: "^app/components/" }, to: { path: "^app/db/" } },
    {
      name: "content-is-pure",
      comment: "app/content parses and checks lesson files; the database, review, HTTP and publication are someone else's job",
      severity: "error",
      from: { path: "^app/content/" },
      to: { path: "^app/(db|review|http|publication|auth|routes|components)/" },
    },
    {
      name: "pdf-is-pure",
      comment: "app/pdf lays out and draws documents it is given; it records nothing and renders no page",
      severity: "error",
      from: { path: "^app/pdf/" },
      to: { path: "^app/(db|components|routes|review|publication)/" },
    },
    {
      name: "offline-reads-what-is-published",
      comment: "app/offline copies what app/publication says is public: it never reads the database itself",
      severity: "error",
      from: { path: "^app/offline/" },
      to: { path: "^app/(db|review|auth)/" },
    },
    { name: "no-domain-imports-a-route", severity: "error", from: { path: "^app/", pathNot: "^app/routes/" }, to: { path: "^app/routes/" } },
    { name: "no-import-cycles", severity: "error", from: { path: "^(app|server)/" }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|node_modules)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};

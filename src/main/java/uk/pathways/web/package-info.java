/**
 * Shared web plumbing: problem+json answers for bad input, the security of the API and of the pages
 * (form sign-in over the engine's identity), and what every Pathways page shares (layout model,
 * navigation, GOV.UK error summaries, display formats, 403 and 404 pages); with profile {@code oidc}, single sign-on
 * (bearer tokens for /api and /engine-rest, OpenID Connect for the pages: {@code TokenSignIn}).
 */
package uk.pathways.web;

/** Shared web plumbing: problem+json answers for bad input, and the current user of a request. */
package uk.pathways.web;

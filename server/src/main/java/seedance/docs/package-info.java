/**
 * The developer surface: OpenAPI at /openapi.json, the /developers page (EN and TR) with its clean
 * Markdown, llms.txt, llms-full.txt and the agent skill, all rendered from the contract's facts.
 */
package seedance.docs;

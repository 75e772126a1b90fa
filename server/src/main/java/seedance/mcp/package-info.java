/**
 * The MCP server at {@code /mcp} (streamable HTTP, stateless): the tools create_video, get_task and
 * wait_for_task for agents, authenticated with the user's API key and carried out by the same
 * services as the REST API.
 */
package seedance.mcp;

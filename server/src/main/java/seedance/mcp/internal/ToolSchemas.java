package seedance.mcp.internal;

/**
 * The input schemas of the MCP tools. The CLI's stdio MCP server ({@code seedance mcp}, module cli)
 * offers the same three tools with the same schemas.
 */
final class ToolSchemas {

  private ToolSchemas() {}

  static final String CREATE_VIDEO_DESCRIPTION =
      """
      Submit a Seedance 2.0 video job and return the task (status "processing", its id and the \
      credits charged). Write the prompt as director instructions: subject, action, scene, \
      camera motion, visual style, constraints. Costs credits: standard 720p 5 s = 30. Retrying \
      with the same idempotency_key returns the same task instead of charging again. Then call \
      wait_for_task with the id.""";

  static final String CREATE_VIDEO =
      """
      {
        "type": "object",
        "properties": {
          "prompt": {"type": "string", "minLength": 3, "maxLength": 10000,
                     "description": "What to film, as director instructions."},
          "mode": {"type": "string", "enum": ["text-to-video", "image-to-video", "media-to-video"],
                   "description": "Default text-to-video."},
          "quality_tier": {"type": "string", "enum": ["mini", "standard", "pro"],
                           "description": "Default standard."},
          "channel": {"type": "string", "enum": ["standard", "real", "wild"],
                      "description": "Rendering channel, default standard."},
          "aspect_ratio": {"type": "string",
                           "enum": ["16:9", "1:1", "21:9", "4:3", "3:4", "9:16", "adaptive"],
                           "description": "Default 16:9."},
          "duration": {"type": "string",
                       "enum": ["4","5","6","7","8","9","10","11","12","13","14","15"],
                       "description": "Seconds as a string, default \\"5\\"."},
          "resolution": {"type": "string", "enum": ["720p", "1080p", "1080p-plus", "4k"],
                         "description": "Default 720p; 1080p-plus and 4k only on pro."},
          "image_url": {"type": "string", "description": "Public https start frame (image-to-video)."},
          "end_image_url": {"type": "string", "description": "Public https end frame (image-to-video)."},
          "media_urls": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 12,
                         "description": "Public https reference images or videos (media-to-video)."},
          "generate_audio": {"type": "boolean", "description": "Default true."},
          "fixed_lens": {"type": "boolean", "description": "Lock the camera lens, default false."},
          "seed": {"type": "integer", "minimum": -1, "maximum": 4294967295,
                   "description": "Not on the real channel or the mini tier."},
          "idempotency_key": {"type": "string", "minLength": 1, "maxLength": 255,
                              "description": "Reuse to retry safely; default: a new key per call."}
        },
        "required": ["prompt"],
        "additionalProperties": false
      }""";

  static final String GET_TASK_DESCRIPTION =
      """
      Read a video task: status (processing, completed, failed), credits, and when completed the \
      output video_url, last_frame_url and seed; when failed the error (credits are refunded).""";

  static final String GET_TASK =
      """
      {
        "type": "object",
        "properties": {"id": {"type": "string", "description": "The task id, sd2_..."}},
        "required": ["id"],
        "additionalProperties": false
      }""";

  static final String WAIT_FOR_TASK_DESCRIPTION =
      """
      Wait until a video task is completed or failed (polling politely) and return it. If it is \
      still processing when timeout_seconds run out, the task is returned as it is: call again.""";

  static final String WAIT_FOR_TASK =
      """
      {
        "type": "object",
        "properties": {
          "id": {"type": "string", "description": "The task id, sd2_..."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600,
                              "description": "Default 120."}
        },
        "required": ["id"],
        "additionalProperties": false
      }""";
}

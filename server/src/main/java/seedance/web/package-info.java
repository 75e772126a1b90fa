/** Shared web plumbing: the error envelope, error codes, request ids and wire formats. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package seedance.web;

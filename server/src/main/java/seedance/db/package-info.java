/** The database: which one is in use, and the data source that reaches it. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package seedance.db;

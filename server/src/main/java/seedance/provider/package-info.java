/** Video providers: the port and its adapters. */
package seedance.provider;

/** Support code shared by the tests of several bundles; a test-scope dependency, never part of the product. */
package quire.testing;

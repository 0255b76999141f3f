/** {@code medsaas audit} (AUD-1): read-only checks of a deployed environment and its drift. */
package fr.medsaas.audit;

/* Entry of the functions bundle: importing each module runs its CustomFunctions.associate calls,
   which custom-functions-metadata-plugin appends from the JSDoc. */
import "./returns";
import "./prices";
import "./risk";
import "./live";
import "./baskets";
import "./scenario";
import "./periods";
import "./rebased";
import "./rolling";

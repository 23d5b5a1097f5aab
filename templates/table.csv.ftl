<#--
  Default CSV table (RFC 4180): the table's grid, header rows then body rows, one record per row, CRLF line
  ends. Output format CSV: every ${...} is one field, quoted when needed. A cell spanning columns is written
  in its first column, the others empty. Title and notes are not part of the grid.
-->
<#assign t = table>
<#list t.header + t.body as r>
<#list r.cells as c>${c.text}<#list 1..<c.span as i>,</#list><#sep>,</#sep></#list>
</#list>
